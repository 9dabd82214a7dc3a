import Units

// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The kit's own accounting of model states, behind `workbook calc`, the figures and the
/// pictures. (The MemoryBreakdown exercise asks you to write the same rules yourself.)
enum Accounting {
  /// Bytes per component for one copy of the whole model (no sharding).
  static func breakdown(_ setup: TrainingSetup) throws -> MemoryBreakdown {
    let trainable = setup.optimizer.keepsGradients ? setup.trainableParameters : 0
    let weights = try setup.weightType.bytes(count: setup.parameters)
    let gradients = try setup.gradientType.bytes(count: trainable)
    let master = setup.masterCopy ? try ElementType.fp32.bytes(count: trainable) : 0
    let states = try Checked.multiply(
      trainable, setup.optimizer.statesPerParameter, "the optimizer's state values")
    let optimizer = try setup.optimizerStateType.bytes(count: states)
    return try assemble(weights, gradients, master, optimizer, setup.activationBytes)
  }

  /// Bytes per GPU when ZeRO stage `stage` shards the model states over `gpus` data-parallel
  /// GPUs: stage 1 shards the master copy and optimizer state, stage 2 also the gradients,
  /// stage 3 also the weights. A GPU holds the largest shard, ⌈bytes / gpus⌉. Activations are
  /// not sharded: each GPU keeps those of its own micro-batch.
  static func perGPU(_ setup: TrainingSetup, stage: Int, gpus: Int) throws -> MemoryBreakdown {
    try shard(try breakdown(setup), stage: stage, gpus: gpus)
  }

  /// One GPU's share of `whole` under ZeRO stage `stage` over `gpus` GPUs (see `perGPU`).
  static func shard(_ whole: MemoryBreakdown, stage: Int, gpus: Int) throws -> MemoryBreakdown {
    try validateZeRO(stage: stage, gpus: gpus)
    let n = UInt64(gpus)
    func shard(_ bytes: UInt64, from first: Int) -> UInt64 {
      stage >= first ? Checked.ceilDivide(bytes, n) : bytes
    }
    return try assemble(
      shard(whole.weights, from: 3), shard(whole.gradients, from: 2), shard(whole.master, from: 1),
      shard(whole.optimizer, from: 1), whole.activations)
  }

  /// Throws unless `stage` is 0 to 3 and `gpus` is at least 1.
  static func validateZeRO(stage: Int, gpus: Int) throws {
    guard (0...3).contains(stage) else {
      throw TrainingMemoryError("the ZeRO stage must be 0, 1, 2 or 3, not \(stage)")
    }
    guard gpus >= 1 else {
      throw TrainingMemoryError("the number of GPUs must be at least 1, not \(gpus)")
    }
  }

  static func assemble(
    _ weights: UInt64, _ gradients: UInt64, _ master: UInt64, _ optimizer: UInt64,
    _ activations: UInt64
  ) throws -> MemoryBreakdown {
    let total = try Checked.sum(
      [weights, gradients, master, optimizer, activations], "the total bytes")
    return MemoryBreakdown(
      weights: weights, gradients: gradients, master: master, optimizer: optimizer,
      activations: activations, total: total)
  }
}
