import ArgumentParser

/// Checks the limits `grade` and `export --gradescope` take, as usage errors naming the option.
func validateGradingLimits(timeout: Double, budget: Double, memory: Int) throws {
  guard timeout > 0, timeout <= 3600 else {
    throw ValidationError("--timeout must be between 0 and 3600 seconds")
  }
  guard budget >= 1, budget <= 86400 else {
    throw ValidationError("--budget must be between 1 and 86400 seconds")
  }
  guard (128...65536).contains(memory) else {
    throw ValidationError("--memory must be from 128 to 65536 megabytes")
  }
}
