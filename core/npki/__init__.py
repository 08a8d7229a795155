"""The NPKI file format: paths, folder names, signCert/signPri codec, R/VID, PFX, policy table."""
