import Harness

/// One fully connected layer with fp32 weights: `y = W x + b`.
///
/// `weights` is row-major `outputs × inputs`: row `o` holds the weights into output `o`, which is
/// why per-channel quantization gives each row its own scale.
public struct DenseLayer: Equatable, Sendable {
  /// Inputs per example.
  public let inputs: Int
  /// Outputs per example.
  public let outputs: Int
  /// `outputs × inputs` weights, row after row.
  public let weights: [Float]
  /// One bias per output.
  public let bias: [Float]

  /// Creates a layer; throws `QuantizationError` when the arrays do not fit the shape.
  public init(inputs: Int, outputs: Int, weights: [Float], bias: [Float]) throws {
    if inputs < 0 { throw QuantizationError.negativeDimension(inputs) }
    if outputs < 0 { throw QuantizationError.negativeDimension(outputs) }
    if weights.count != inputs * outputs {
      throw QuantizationError.shapeMismatch(expected: inputs * outputs, actual: weights.count)
    }
    if bias.count != outputs {
      throw QuantizationError.shapeMismatch(expected: outputs, actual: bias.count)
    }
    self.inputs = inputs
    self.outputs = outputs
    self.weights = weights
    self.bias = bias
  }
}

/// A small multilayer perceptron with fp32 weights: dense layers with ReLU between them (none
/// after the last). The harness the QuantizedInference exercise quantizes.
public struct DenseMLP: Equatable, Sendable {
  /// The layers, input side first.
  public let layers: [DenseLayer]

  /// Creates a model of at least one layer; throws `shapeMismatch` unless each layer's inputs
  /// equal the previous layer's outputs.
  public init(layers: [DenseLayer]) throws {
    try layers.checkChained()
    self.layers = layers
  }

  /// A model of the given layer sizes (`[784, 256, 10]` is one hidden layer of 256) with
  /// Glorot-uniform weights, `±√(6 / (inputs + outputs))`, and small biases, drawn from `seed`.
  public static func seeded(sizes: [Int], seed: UInt64) throws -> DenseMLP {
    guard sizes.count >= 2 else {
      throw QuantizationError.shapeMismatch(expected: 2, actual: sizes.count)
    }
    var random = SeededGenerator(seed: seed)
    var layers: [DenseLayer] = []
    for (inputs, outputs) in zip(sizes, sizes.dropFirst()) {
      if inputs < 0 || outputs < 0 {
        throw QuantizationError.negativeDimension(min(inputs, outputs))
      }
      let limit = Float((6.0 / Double(max(1, inputs + outputs))).squareRoot())
      let weights = (0..<inputs * outputs).map { _ in
        Float.random(in: -limit...limit, using: &random)
      }
      let bias = (0..<outputs).map { _ in Float.random(in: -0.1...0.1, using: &random) }
      layers.append(try DenseLayer(inputs: inputs, outputs: outputs, weights: weights, bias: bias))
    }
    return try DenseMLP(layers: layers)
  }

  /// Inputs per example.
  public var inputSize: Int { layers[0].inputs }
  /// Outputs per example.
  public var outputSize: Int { layers[layers.count - 1].outputs }
  /// Weights and biases, all layers.
  public var parameterCount: Int { layers.reduce(0) { $0 + $1.weights.count + $1.bias.count } }
  /// Bytes the parameters take in fp32: 4 per weight and per bias.
  public var storageBytes: Int { 4 * parameterCount }

  /// Runs `batch` examples (row-major `batch × inputSize`) through the model in fp32.
  ///
  /// Throws `shapeMismatch` when the input does not hold `batch × inputSize` values and
  /// `nonFiniteValue` for a NaN or ±∞ input.
  public func forward(_ input: [Float], batch: Int) throws -> [Float] {
    if batch < 0 { throw QuantizationError.negativeDimension(batch) }
    if input.count != batch * inputSize {
      throw QuantizationError.shapeMismatch(expected: batch * inputSize, actual: input.count)
    }
    if let bad = input.firstIndex(where: { !$0.isFinite }) {
      throw QuantizationError.nonFiniteValue(index: bad)
    }
    var activations = input
    for (index, layer) in layers.enumerated() {
      var output = [Float](repeating: 0, count: batch * layer.outputs)
      // ReLU between layers keeps the model non-linear; the last layer stays linear.
      let relu = index < layers.count - 1
      var first = 0
      while first < batch {
        let group = Swift.min(4, batch - first)
        for o in 0..<layer.outputs {
          let sums = layer.dot(row: o, examples: first..<first + group, of: activations)
          for k in 0..<group {
            let sum = sums[k] + layer.bias[o]
            output[(first + k) * layer.outputs + o] = relu ? Swift.max(0, sum) : sum
          }
        }
        first += group
      }
      activations = output
    }
    return activations
  }
}

extension DenseLayer {
  /// Row `row` of the weights times each of up to four examples of `activations`, each sum
  /// taken in input order as a plain loop would. The four sums are independent, so they run
  /// side by side instead of each addition waiting for the one before it.
  fileprivate func dot(row: Int, examples: Range<Int>, of activations: [Float]) -> SIMD4<Float> {
    var sums = SIMD4<Float>()
    guard inputs > 0 else { return sums }
    weights.withUnsafeBufferPointer { weights in
      activations.withUnsafeBufferPointer { activations in
        let w = weights.baseAddress! + row * inputs
        let x = activations.baseAddress! + examples.lowerBound * inputs
        let lanes = examples.count
        // Examples past the group read the first one again; their sums are not used.
        let lane = SIMD4<Int>(0, 1, 2, 3)
        let offsets = lane.replacing(with: 0, where: lane .>= lanes) &* inputs
        for i in 0..<inputs {
          let column = SIMD4<Float>(
            x[offsets[0] + i], x[offsets[1] + i], x[offsets[2] + i], x[offsets[3] + i])
          sums += w[i] * column
        }
      }
    }
    return sums
  }
}
