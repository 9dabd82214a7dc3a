/// The contract of the LifetimePlanner exercise: lifetimes, peak memory and shared buffers for
/// a graph's tensors.
///
/// Steps are positions in `graph.order`: step `s` runs operation `graph.order[s]`.
public protocol LifetimePlanning {
  /// Each tensor's lifetime, indexed like `graph.tensors`: `first` is the earliest step whose
  /// operation reads or writes it, `last` the latest, except that a tensor listed in
  /// `graph.outputs` lives until the final step (`graph.order.count − 1`).
  func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime]

  /// The peak: the largest, over all steps, of the bytes of the tensors live at that step
  /// (`first ≤ step ≤ last`). No plan can use less memory than this.
  func peakBytes(_ graph: ComputationGraph) throws -> Int

  /// Shares buffers between tensors whose lifetimes do not overlap, greedily by size:
  /// take the tensors by bytes, largest first (ties: earlier `first`, then lower index), and put
  /// each into the first buffer (in the order buffers were opened) none of whose tensors'
  /// lifetimes overlaps its own; when there is none, open a new buffer. A buffer's size is its
  /// largest tensor's. Two lifetimes overlap when they share a step.
  func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment
}
