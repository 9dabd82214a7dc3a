/// The contract of the CheckpointedStep exercise: the same step, keeping only segment boundaries.
///
/// With segment length K the chain splits into segments of layers [0, K), [K, 2K), …, the last
/// one taking what remains. The forward pass keeps only each segment's input (activations 0, K,
/// 2K, …) and the output, activation N. The backward pass handles the segments last to first:
/// it recomputes the segment's inner activations from its stored input, runs the segment's
/// layers backward, and frees them. The harness store counts what that costs, and the schedule
/// fixes it exactly: with S = ⌈N/K⌉ segments, the last one L layers long, a step runs
/// 2N − S layer forwards (each segment's inner layers once more) and N backwards, and the store
/// peaks at S + max(L, K − 1) live activations (K − 1 counting only when S ≥ 2), right after a
/// segment's recomputation.
public protocol CheckpointedStep {
  /// One checkpointed forward and backward pass of `chain` on one batch.
  ///
  /// The result must equal the store-all step's bit for bit (the same layer code runs on the
  /// same numbers). The store must be empty when this returns; `segmentLength` is at least 1.
  func step(
    _ chain: Chain, input: Tensor, targets: Tensor, segmentLength: Int, store: ActivationStore
  ) throws -> StepResult
}
