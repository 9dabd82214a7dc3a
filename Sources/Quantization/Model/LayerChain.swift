/// A layer of a model that chains layers: its inputs must be the previous layer's outputs.
protocol ChainedLayer {
  /// Values the layer reads.
  var inputs: Int { get }
  /// Values the layer writes.
  var outputs: Int { get }
}

extension DenseLayer: ChainedLayer {}
extension QuantizedDenseLayer: ChainedLayer {}

extension Array where Element: ChainedLayer {
  /// Throws `shapeMismatch` unless there is at least one layer and each layer's inputs equal
  /// the previous layer's outputs.
  func checkChained() throws {
    guard !isEmpty else { throw QuantizationError.shapeMismatch(expected: 1, actual: 0) }
    for (previous, next) in zip(self, dropFirst()) where previous.outputs != next.inputs {
      throw QuantizationError.shapeMismatch(expected: previous.outputs, actual: next.inputs)
    }
  }
}
