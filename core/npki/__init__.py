"""The NPKI file format: paths, folder names, signCert/signPri codec, R/VID, PFX, policy table."""

# the file names a PFX (PKCS#12) goes by; kept here, import-free, for main.py's argument check
PFX_SUFFIXES = (".pfx", ".p12")
