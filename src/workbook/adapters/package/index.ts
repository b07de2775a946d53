/** The package adapter (the command line): reads an .xlsx part by part and writes it by patching the package. */
export { PackageWorkbookPort } from "./port";
