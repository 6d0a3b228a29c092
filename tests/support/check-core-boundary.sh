#!/bin/sh
# The core never uses widgets: no widget header in core/, and kafdesk-ctl links neither
# QtWidgets nor QtGui.
set -eu
src=$1
ctl=$2
if grep -rnE '#include <(QtWidgets|QtGui|QWidget|QApplication|QMainWindow|QDialog|QMessageBox|QAction|QPixmap|QIcon)\b' "$src/core"; then
    echo "core/ includes a GUI header (above)" >&2
    exit 1
fi
if ldd "$ctl" | grep -E 'libQt6(Widgets|Gui)'; then
    echo "kafdesk-ctl links a GUI library (above)" >&2
    exit 1
fi
echo "core is headless"
