#if canImport(TrainingMemorySolutions)
  import TrainingMemory
  import TrainingMemorySolutions

  /// The reference accountant with one mistake.
  struct Flawed: MemoryAccounting, Sendable {
    enum Mistake: Sendable {
      case frozenGetGradients, masterWithoutOptimizer, stageOneShardsGradients
      case shardsRoundedDown, activationsSharded, int4RoundedDown, wrappingTotal
      case trainableTruncated
    }
    let mistake: Mistake
    init(_ mistake: Mistake) { self.mistake = mistake }

    func breakdown(_ setup: TrainingSetup) throws -> MemoryBreakdown {
      var result = try MemoryAccountant().breakdown(withoutTotalCheck(setup))
      switch mistake {
      case .frozenGetGradients where setup.optimizer != .none:
        result.gradients = try setup.gradientType.bytes(count: setup.parameters)
      case .masterWithoutOptimizer where setup.optimizer == .none && setup.masterCopy:
        result.master = 4 * setup.parameters
      case .int4RoundedDown where setup.weightType == .int4:
        result.weights = setup.parameters / 2
      case .trainableTruncated where setup.optimizer != .none:
        // Parameters × fraction cut down to a whole number instead of rounded to the nearest.
        var truncated = setup
        truncated.parameters = UInt64(Double(setup.parameters) * setup.trainableFraction)
        let trained = try MemoryAccountant().breakdown(
          try TrainingSetup(
            parameters: truncated.parameters, weightType: setup.weightType,
            gradientType: setup.gradientType, optimizerStateType: setup.optimizerStateType,
            masterCopy: setup.masterCopy, optimizer: setup.optimizer))
        result.gradients = trained.gradients
        result.master = trained.master
        result.optimizer = trained.optimizer
      default: break
      }
      return try total(result, of: setup)
    }

    func perGPU(_ setup: TrainingSetup, zeroStage: Int, gpus: Int) throws -> MemoryBreakdown {
      guard (0...3).contains(zeroStage), gpus >= 1 else { throw TrainingMemoryError("bad stage") }
      var result = try breakdown(setup)
      let n = UInt64(gpus)
      func shard(_ bytes: UInt64, fromStage stage: Int) -> UInt64 {
        guard zeroStage >= stage else { return bytes }
        return mistake == .shardsRoundedDown ? bytes / n : bytes / n + (bytes % n == 0 ? 0 : 1)
      }
      result.weights = shard(result.weights, fromStage: 3)
      result.gradients = shard(
        result.gradients, fromStage: mistake == .stageOneShardsGradients ? 1 : 2)
      result.master = shard(result.master, fromStage: 1)
      result.optimizer = shard(result.optimizer, fromStage: 1)
      if mistake == .activationsSharded {
        result.activations = shard(result.activations, fromStage: 0)
      }
      return try total(result, of: setup)
    }

    /// The set-up without its activations when the total is to wrap, so the reference does not
    /// throw first; they are added back by `total`.
    private func withoutTotalCheck(_ setup: TrainingSetup) -> TrainingSetup {
      guard mistake == .wrappingTotal else { return setup }
      var copy = setup
      copy.activationBytes = 0
      return copy
    }

    private func total(_ parts: MemoryBreakdown, of setup: TrainingSetup) throws
      -> MemoryBreakdown
    {
      var result = parts
      if mistake == .wrappingTotal { result.activations = setup.activationBytes }
      let sum = [result.weights, result.gradients, result.master, result.optimizer]
        .reduce(result.activations) { $0 &+ $1 }
      if mistake != .wrappingTotal {
        var checked: UInt64 = 0
        for part in [
          result.weights, result.gradients, result.master, result.optimizer,
          result.activations,
        ] {
          let (next, overflow) = checked.addingReportingOverflow(part)
          if overflow { throw TrainingMemoryError.overflow("the total bytes") }
          checked = next
        }
      }
      result.total = sum
      return result
    }
  }
#endif
