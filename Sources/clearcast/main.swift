import ClearcastCLI

ClearcastCommand.main()
