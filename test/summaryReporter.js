// Ends every run with one plain line on stdout for CI to read: tests passed and failed, and suites that failed or
// never ran (a suite that throws while loading has no failed test, so counting tests alone would say "0 failed").
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const brokenSuites = results.numFailedTestSuites + results.numRuntimeErrorTestSuites;
    process.stdout.write(
      `\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed` +
        `${skipped ? `, ${skipped} skipped` : ""}; ` +
        `suites: ${results.numPassedTestSuites} passed, ${brokenSuites} failed of ${results.numTotalTestSuites}\n`
    );
  }
}
module.exports = SummaryReporter;
