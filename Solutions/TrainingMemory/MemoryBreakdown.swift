import TrainingMemory

/// Reference solution of MemoryBreakdown.
public struct MemoryAccountant: MemoryAccounting {
  public init() {}

  public func breakdown(_ setup: TrainingSetup) throws -> MemoryBreakdown {
    // Without a backward pass nothing is trained, whatever the fraction says.
    let trainable = setup.optimizer == .none ? 0 : setup.trainableParameters
    let weights = try setup.weightType.bytes(count: setup.parameters)
    let gradients = try setup.gradientType.bytes(count: trainable)
    let master = setup.masterCopy ? try ElementType.fp32.bytes(count: trainable) : 0
    let stateCount = try product(trainable, setup.optimizer.statesPerParameter)
    let optimizer = try setup.optimizerStateType.bytes(count: stateCount)
    return try summed(weights, gradients, master, optimizer, setup.activationBytes)
  }

  public func perGPU(_ setup: TrainingSetup, zeroStage: Int, gpus: Int) throws -> MemoryBreakdown {
    guard (0...3).contains(zeroStage), gpus >= 1 else {
      throw TrainingMemoryError("ZeRO needs a stage from 0 to 3 and at least one GPU")
    }
    let whole = try breakdown(setup)
    // Each stage shards one more kind of state; a GPU holds the largest shard.
    func shard(_ bytes: UInt64, fromStage stage: Int) -> UInt64 {
      guard zeroStage >= stage else { return bytes }
      let n = UInt64(gpus)
      return bytes / n + (bytes % n == 0 ? 0 : 1)
    }
    return try summed(
      shard(whole.weights, fromStage: 3), shard(whole.gradients, fromStage: 2),
      shard(whole.master, fromStage: 1), shard(whole.optimizer, fromStage: 1), whole.activations)
  }

  private func product(_ a: UInt64, _ b: UInt64) throws -> UInt64 {
    let (result, overflow) = a.multipliedReportingOverflow(by: b)
    if overflow { throw TrainingMemoryError.overflow("the optimizer's state values") }
    return result
  }

  private func summed(
    _ weights: UInt64, _ gradients: UInt64, _ master: UInt64, _ optimizer: UInt64,
    _ activations: UInt64
  ) throws -> MemoryBreakdown {
    var total: UInt64 = 0
    for part in [weights, gradients, master, optimizer, activations] {
      let (sum, overflow) = total.addingReportingOverflow(part)
      if overflow { throw TrainingMemoryError.overflow("the total bytes") }
      total = sum
    }
    return MemoryBreakdown(
      weights: weights, gradients: gradients, master: master, optimizer: optimizer,
      activations: activations, total: total)
  }
}
