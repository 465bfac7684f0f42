"""One screen per mode, plus the dialogs and forms they open."""
