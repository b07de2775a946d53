/** Entry point of `npm run assess`: runs the command and turns its outcome into the exit code. */
import { EXIT, main, reason } from "./assess";
import { CLI_MSG } from "./messages";

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`${CLI_MSG.internalError(reason(error))}\n`);
    process.exitCode = EXIT.internal;
  },
);
