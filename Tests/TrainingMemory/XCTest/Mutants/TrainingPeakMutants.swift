#if canImport(TrainingMemorySolutions)
  import TrainingMemory

  /// The lesson's schedule walked event by event, with one mistake.
  struct Schedule: TrainingPeakEstimating, Sendable {
    enum Mistake: Sendable {
      case neverFree, forwardOnly, deltaFreedFirst, gradientsFreed, noInput, noOptimizerState
      case wrapping
    }
    let mistake: Mistake
    init(_ mistake: Mistake) { self.mistake = mistake }

    func peakBytes(_ step: TrainingStep) throws -> UInt64 {
      guard !step.layers.isEmpty else { throw TrainingMemoryError("no layers") }
      var live: UInt64 = 0
      var peak: UInt64 = 0
      func allocate(_ bytes: UInt64) throws {
        if mistake == .wrapping {
          live = live &+ bytes
        } else {
          let (sum, overflow) = live.addingReportingOverflow(bytes)
          if overflow { throw TrainingMemoryError.overflow("the live bytes") }
          live = sum
        }
        peak = max(peak, live)
      }
      func free(_ bytes: UInt64) { if mistake != .neverFree { live -= min(bytes, live) } }
      try allocate(step.weightBytes)
      if mistake != .noOptimizerState { try allocate(step.optimizerStateBytes) }
      if mistake != .noInput { try allocate(step.inputBytes) }
      for layer in step.layers { try allocate(layer.activationBytes) }
      try allocate(step.layers[step.layers.count - 1].activationBytes)
      if mistake == .forwardOnly { return peak }
      for i in stride(from: step.layers.count - 1, through: 0, by: -1) {
        let layer = step.layers[i]
        try allocate(layer.weightGradientBytes)
        if mistake == .gradientsFreed { free(layer.weightGradientBytes) }
        if mistake == .deltaFreedFirst { free(layer.activationBytes) }
        if i > 0 { try allocate(step.layers[i - 1].activationBytes) }
        if mistake != .deltaFreedFirst { free(layer.activationBytes) }
        free(layer.activationBytes)
      }
      return peak
    }
  }
#endif
