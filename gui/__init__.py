"""Qt widgets only: windows, wizard pages, dialogs, models, workers. Binds to core/."""
