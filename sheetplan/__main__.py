from sheetplan.cli import main

main()
