// Ends every run with one plain line, "Tests: N passed, N failed", on stdout for CI to read.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}\n`
    );
  }
}
module.exports = SummaryReporter;
