// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The forward pass without any reuse: every layer gets a fresh buffer from the allocator and
/// every buffer is kept to the end. Memory grows with depth, which is the staircase in the
/// lesson's picture, and what a benchmark compares ping-pong against.
///
/// It computes each output exactly as the PingPongForward contract specifies (sum from 0 over
/// inputs in increasing order, then the bias, then the activation), so its results equal a
/// correct ping-pong forward bit for bit.
@_spi(Reference) public enum NaiveForward {
  /// Runs `mlp` on `batch` samples of `input` (row-major, `batch × widths[0]` values) and
  /// returns the output (row-major, `batch × widths.last` values).
  ///
  /// - Parameter afterLayer: called with the layer's index after each layer, and with −1 once
  ///   the input has been copied in, so a picture can sample `allocator.liveBytes`.
  /// - Throws: `ForwardInputError` when `batch < 1` or `input` has the wrong size.
  public static func forward(
    _ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator,
    afterLayer: (Int) -> Void = { _ in }
  ) throws -> [Float] {
    try ForwardInputError.validate(mlp, input: input, batch: batch)
    var current = try allocator.allocate(count: batch * mlp.widths[0])
    for index in 0..<input.count { current.elements[index] = input[index] }
    var kept = [current]
    afterLayer(-1)
    for layer in 0..<mlp.layerCount {
      let next = try allocator.allocate(count: batch * mlp.widths[layer + 1])
      denseLayer(mlp, layer: layer, batch: batch, from: current.elements, to: next.elements)
      kept.append(next)
      current = next
      afterLayer(layer)
    }
    // The kept buffers stay live until here: that is the point of the naive version.
    let output = Array(current.elements)
    for buffer in kept { try allocator.free(buffer) }
    return output
  }

  /// One dense layer plus activation, in the contract's order of operations.
  static func denseLayer(
    _ mlp: MLP, layer: Int, batch: Int, from source: UnsafeMutableBufferPointer<Float>,
    to destination: UnsafeMutableBufferPointer<Float>
  ) {
    let inputs = mlp.widths[layer]
    let outputs = mlp.widths[layer + 1]
    mlp.weights[layer].withUnsafeBufferPointer { weights in
      mlp.biases[layer].withUnsafeBufferPointer { biases in
        for sample in 0..<batch {
          let row = sample * inputs
          for output in 0..<outputs {
            let weightRow = output * inputs
            var sum: Float = 0
            for input in 0..<inputs {
              sum += weights[weightRow + input] * source[row + input]
            }
            sum += biases[output]
            destination[sample * outputs + output] = mlp.activation.apply(sum)
          }
        }
      }
    }
  }
}

/// A forward pass was called with an input that does not fit the network, with a one-line
/// message.
public struct ForwardInputError: Error, Equatable, CustomStringConvertible {
  /// The one-line message.
  public let description: String

  /// Checks a batch against a network: `batch ≥ 1` and `batch × widths[0]` input values.
  public static func validate(_ mlp: MLP, input: [Float], batch: Int) throws {
    guard batch >= 1 else {
      throw ForwardInputError(description: "batch must be at least 1, got \(batch)")
    }
    guard input.count == batch * mlp.widths[0] else {
      throw ForwardInputError(
        description:
          "a batch of \(batch) × \(mlp.widths[0]) features needs \(batch * mlp.widths[0]) "
          + "values, got \(input.count)")
    }
  }
}
