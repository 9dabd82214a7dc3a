/// The contract of the LoRALinear exercise: a linear layer with a frozen weight and a LoRA
/// adapter, forward and backward.
///
/// With s = α / r and a batch x (batch × dIn, row-major):
/// - forward: y = x·Wᵀ + s·(x·Aᵀ)·Bᵀ, batch × dOut;
/// - backward, given g = ∂L/∂y: with h = x·Aᵀ,
///   ∂L/∂B = s·gᵀ·h (dOut × r), ∂L/∂A = s·(g·B)ᵀ·x (r × dIn), ∂L/∂x = g·W + s·(g·B)·A.
///   The gradients of A and B go into the store as "A" and "B" (row-major, the parameters'
///   shapes); W is frozen, so no gradient of W is computed or stored. ∂L/∂x is returned: the
///   layers below still need it.
/// - `makeAdapter` starts an adapter the way LoRA does: B all zeros (so the adapted layer starts
///   as the base layer), A drawn uniformly from [−1/√dIn, 1/√dIn] with
///   `SeededGenerator(seed:)` (deterministic: the same seed gives the same A).
///
/// Shapes that do not match throw `ServingError.shapeMismatch`; a rank, dIn or dOut ≤ 0 throws
/// `invalidConfiguration`.
public protocol LoRALinear {
  /// A fresh adapter of rank `rank` on the frozen weight `w` (dOut × dIn).
  func makeAdapter(w: [Float], dIn: Int, dOut: Int, rank: Int, alpha: Float, seed: UInt64) throws
    -> LoRAWeights
  /// y = x·Wᵀ + (α / r)·x·Aᵀ·Bᵀ for `batch` rows of input.
  func forward(_ layer: LoRAWeights, input: [Float], batch: Int) throws -> [Float]
  /// Stores ∂L/∂A and ∂L/∂B in `gradients` and returns ∂L/∂x.
  func backward(
    _ layer: LoRAWeights, input: [Float], batch: Int, outputGradient: [Float],
    gradients: GradientStore
  ) throws -> [Float]
  /// Trainable parameters of one adapted dOut × dIn matrix at rank `rank`.
  func trainableParameters(dIn: Int, dOut: Int, rank: Int) throws -> Int
}
