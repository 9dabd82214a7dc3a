/// The contract of the PingPongForward exercise: run an MLP with two activation buffers.
///
/// Allocate exactly two buffers from `allocator`, each of `widest × batch` elements where
/// `widest` is the largest of all `mlp.widths` (the input's width included), before the first
/// layer; copy the input into one, then let every layer read one buffer and write the other.
/// Allocate nothing else for activations, and return the last layer's output (row-major,
/// `batch × widths.last` values).
///
/// Order of operations, so that results are identical to the bit to the grader's naive
/// forward: for sample `b` and output `j` of layer `l`, start a `Float` sum at 0, add
/// `weights[l][j * n + i] * x[b * n + i]` for `i = 0, 1, ..., n − 1` in that order (one
/// rounding for the product, one for the sum; no fused multiply-add), add `biases[l][j]`,
/// then apply `mlp.activation.apply`.
public protocol PingPongForward {
  /// The network's output for `batch` samples of `input` (row-major, `batch × widths[0]`).
  func forward(_ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator) throws
    -> [Float]
}
