import ClearcastCLI
import Foundation

exit(ClearcastCommand.runMain())
