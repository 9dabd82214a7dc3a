/// The contract of the MemoryBreakdown exercise: bytes per component of a training set-up.
///
/// The rules (Lessons/TrainingMemory.md, "Bytes per parameter" and "Sharding with ZeRO"):
/// - weights: every parameter, trainable or frozen, in `weightType`;
/// - trained parameters: `setup.trainableParameters`, except with the optimizer `.none`, which
///   means no backward pass and so nothing trained (0, whatever the trainable fraction says);
/// - gradients: one per trained parameter in `gradientType`;
/// - master: one fp32 value per trained parameter when `masterCopy` is set (so none with
///   `.none`, even when `masterCopy` is set);
/// - optimizer: `optimizer.statesPerParameter` values per trained parameter in
///   `optimizerStateType` (SGD 0, momentum 1, Adam 2);
/// - activations: `activationBytes`, as given; total: the sum of the five.
///
/// Use `setup.trainableParameters` for the trainable count and `ElementType.bytes(count:)` for
/// sizes (an odd number of int4 values rounds up to a whole byte).
public protocol MemoryAccounting {
  /// Bytes per component for one GPU holding everything.
  ///
  /// - Throws: an error when a size does not fit in 64 bits (never a wrapped or trapped result).
  func breakdown(_ setup: TrainingSetup) throws -> MemoryBreakdown

  /// Bytes per component on one of `gpus` data-parallel GPUs under ZeRO stage `zeroStage`:
  /// stage 0 shards nothing, stage 1 shards the master copy and optimizer state, stage 2 also
  /// the gradients, stage 3 also the weights. A sharded component takes ⌈bytes / gpus⌉ on a GPU
  /// (the largest shard); activations are never sharded.
  ///
  /// - Throws: an error when `zeroStage` is not 0 to 3, `gpus` is below 1, or a size overflows.
  func perGPU(_ setup: TrainingSetup, zeroStage: Int, gpus: Int) throws -> MemoryBreakdown
}
