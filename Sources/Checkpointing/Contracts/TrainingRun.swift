/// The contract of the TrainingRun exercise: train a deep, narrow chain with checkpointed steps.
public protocol TrainingRun {
  /// Trains `chain` in place for `steps` updates on the whole of `data`.
  ///
  /// Each update is one checkpointed step (your CheckpointedStep) with `segmentLength` on
  /// `store`, then one `optimizer.update` with its gradient. Returns the loss of every step,
  /// measured before that step's update, so the array has `steps` entries. The store then
  /// measures `steps` times the cost of one checkpointed step with this `segmentLength`.
  func train(
    _ chain: inout Chain, on data: Dataset, optimizer: inout Adam, steps: Int,
    segmentLength: Int, store: ActivationStore
  ) throws -> [Double]
}
