"""Storages (hard disk, removable drives, mock phones, folders), discovery, hot-plug, safe writes."""
