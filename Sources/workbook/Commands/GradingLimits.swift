import ArgumentParser

/// `--timeout` as `check` and `watch` take it.
struct TimeoutOption: ParsableArguments {
  @Option(help: "Seconds each exercise may run before it counts as hung.")
  var timeout: Double = 30

  func validate() throws { try validateTimeout(timeout) }
}

/// Checks `--timeout`, as a usage error naming the option.
func validateTimeout(_ timeout: Double) throws {
  guard timeout > 0, timeout <= 3600 else {
    throw ValidationError("--timeout must be between 0 and 3600 seconds")
  }
}

/// Checks `--memory`, as a usage error naming the option.
func validateMemory(_ memory: Int) throws {
  guard (128...65536).contains(memory) else {
    throw ValidationError("--memory must be from 128 to 65536 megabytes")
  }
}

/// Checks the limits `grade` and `export --gradescope` take, as usage errors naming the option.
func validateGradingLimits(timeout: Double, budget: Double, memory: Int) throws {
  try validateTimeout(timeout)
  guard budget >= 1, budget <= 86400 else {
    throw ValidationError("--budget must be between 1 and 86400 seconds")
  }
  try validateMemory(memory)
}
