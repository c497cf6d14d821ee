import ClearcastCLI
import Foundation

// `runMain` returns (never exits) on success, on errors and on an interrupt alike, once every
// worker thread has stopped, so `exit` runs its atexit handlers (OpenBLAS, GDAL) on a quiet
// process; exiting from a signal handler's thread while workers ran crashed (see InterruptHandler).
exit(ClearcastCommand.runMain())
