/// The contract of the QuantizedInference exercise: weight-only int8 inference of a `DenseMLP`.
///
/// Each layer's weight matrix is quantized per output row (symmetric int8, the PerChannel rule);
/// biases stay fp32. A quantized layer computes, for each batch row `b` and output `o`,
/// `y[b][o] = bias[o] + scales[o] × Σᵢ q[o][i] × x[b][i]` in fp32, with ReLU after every layer but
/// the last, as `DenseMLP.forward` does with the fp32 weights. The order is part of the contract,
/// and the grader compares outputs bit for bit: `sum = 0`, then `sum += Float(q[o][i]) × x[b][i]`
/// for i = 0, 1, … (each product and sum in fp32), then `scales[o] × sum`, then `+ bias[o]`.
public protocol QuantizedInference {
  /// The model with every weight matrix quantized per row; throws
  /// `QuantizationError.nonFiniteValue(index:)` for a NaN or ±∞ weight.
  func quantize(_ model: DenseMLP) throws -> QuantizedMLP
  /// Runs `batch` inputs (row-major, `batch × model.inputSize`) through the quantized model.
  /// Throws `shapeMismatch` when the input does not fit, `nonFiniteValue` for a NaN or ±∞ input.
  func forward(_ model: QuantizedMLP, input: [Float], batch: Int) throws -> [Float]
  /// Quantizes `model`, runs both models on the input, and reports the largest output difference
  /// and the bytes each model's parameters take (as `storageBytes` measures them).
  func report(_ model: DenseMLP, input: [Float], batch: Int) throws -> QuantizedInferenceReport
}

/// What quantizing a model cost in accuracy and saved in memory.
public struct QuantizedInferenceReport: Equatable, Sendable, Codable {
  /// The largest |quantized output − fp32 output| over every output of the batch.
  public var maxAbsoluteError: Float
  /// Bytes of the fp32 model's weights and biases.
  public var floatBytes: Int
  /// Bytes of the quantized model's codes, scales and biases.
  public var quantizedBytes: Int

  /// Creates a report.
  public init(maxAbsoluteError: Float, floatBytes: Int, quantizedBytes: Int) {
    self.maxAbsoluteError = maxAbsoluteError
    self.floatBytes = floatBytes
    self.quantizedBytes = quantizedBytes
  }

  /// Bytes saved by quantizing.
  public var savedBytes: Int { floatBytes - quantizedBytes }
}
