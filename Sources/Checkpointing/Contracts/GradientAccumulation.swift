/// The contract of the GradientAccumulation exercise: a large batch's gradient, a slice at a time.
public protocol GradientAccumulation {
  /// The mean loss of the whole batch and its gradient, computed in `microBatches` pieces.
  ///
  /// Split the rows of `input` and `targets` into `microBatches` consecutive slices of equal
  /// size (the row count is a multiple of `microBatches`), run one store-all step per slice on
  /// `store`, one after the other, and add up their losses and gradients, each divided by
  /// `microBatches`. The activation memory is then that of one slice, not of the whole batch:
  /// the store peaks at exactly one slice's N + 1 activations and counts N forwards and N
  /// backwards per slice.
  func accumulate(
    _ chain: Chain, input: Tensor, targets: Tensor, microBatches: Int, store: ActivationStore
  ) throws -> StepResult
}
