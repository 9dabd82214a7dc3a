import Harness
import Quantization

// One proxy per contract: in the runner each call runs the student's code and is recorded; in
// the judge (no student code) each call is answered from the record. See `Tape`.

/// A scale and a zero point, as the tape carries the tuple `parameters(for:)` returns.
private struct AffineParameters: Codable {
  var scale: Float
  var zeroPoint: Int
}

/// `SymmetricInt8` through a tape.
struct SymmetricInt8Proxy: SymmetricInt8, Sendable {
  let tape: Tape
  let base: (any SymmetricInt8 & Sendable)?

  func scale(for values: [Float]) throws -> Float {
    try tape.call("scale") { try base!.scale(for: values) }
  }

  func quantize(_ values: [Float], scale: Float) throws -> [Int8] {
    try tape.call("quantize(_:scale:)") { try base!.quantize(values, scale: scale) }
  }

  func dequantize(_ codes: [Int8], scale: Float) throws -> [Float] {
    try tape.call("dequantize") { try base!.dequantize(codes, scale: scale) }
  }

  func quantize(_ values: [Float]) throws -> QuantizedTensor<Int8> {
    try tape.call("quantize") { try base!.quantize(values) }
  }
}

/// `AffineUInt8` through a tape.
struct AffineUInt8Proxy: AffineUInt8, Sendable {
  let tape: Tape
  let base: (any AffineUInt8 & Sendable)?

  func parameters(for values: [Float]) throws -> (scale: Float, zeroPoint: Int) {
    let found = try tape.call("parameters") {
      let (scale, zeroPoint) = try base!.parameters(for: values)
      return AffineParameters(scale: scale, zeroPoint: zeroPoint)
    }
    return (found.scale, found.zeroPoint)
  }

  func quantize(_ values: [Float], scale: Float, zeroPoint: Int) throws -> [UInt8] {
    try tape.call("quantize(_:scale:zeroPoint:)") {
      try base!.quantize(values, scale: scale, zeroPoint: zeroPoint)
    }
  }

  func dequantize(_ codes: [UInt8], scale: Float, zeroPoint: Int) throws -> [Float] {
    try tape.call("dequantize") { try base!.dequantize(codes, scale: scale, zeroPoint: zeroPoint) }
  }

  func quantize(_ values: [Float]) throws -> QuantizedTensor<UInt8> {
    try tape.call("quantize") { try base!.quantize(values) }
  }
}

/// `PerChannel` through a tape.
struct PerChannelProxy: PerChannel, Sendable {
  let tape: Tape
  let base: (any PerChannel & Sendable)?

  func quantize(_ weights: [Float], rows: Int, columns: Int) throws -> PerChannelQuantizedTensor {
    try tape.call("quantize") { try base!.quantize(weights, rows: rows, columns: columns) }
  }

  func dequantize(_ tensor: PerChannelQuantizedTensor) throws -> [Float] {
    try tape.call("dequantize") { try base!.dequantize(tensor) }
  }
}

/// `Int8MatMul` through a tape.
struct Int8MatMulProxy: Int8MatMul, Sendable {
  let tape: Tape
  let base: (any Int8MatMul & Sendable)?

  func multiply(_ a: [Int8], _ b: [Int8], m: Int, k: Int, n: Int) throws -> [Int32] {
    try tape.call("multiply(codes)") { try base!.multiply(a, b, m: m, k: k, n: n) }
  }

  func requantize(_ accumulators: [Int32], multiplier: Double) throws -> [Int8] {
    try tape.call("requantize") { try base!.requantize(accumulators, multiplier: multiplier) }
  }

  func multiply(
    _ a: QuantizedTensor<Int8>, _ b: QuantizedTensor<Int8>, m: Int, k: Int, n: Int,
    outputScale: Float
  ) throws -> QuantizedTensor<Int8> {
    try tape.call("multiply(tensors)") {
      try base!.multiply(a, b, m: m, k: k, n: n, outputScale: outputScale)
    }
  }
}

/// `QuantizedInference` through a tape.
struct QuantizedInferenceProxy: QuantizedInference, Sendable {
  let tape: Tape
  let base: (any QuantizedInference & Sendable)?

  func quantize(_ model: DenseMLP) throws -> QuantizedMLP {
    try tape.call("quantize") { try base!.quantize(model) }
  }

  func forward(_ model: QuantizedMLP, input: [Float], batch: Int) throws -> [Float] {
    try tape.call("forward") { try base!.forward(model, input: input, batch: batch) }
  }

  func report(_ model: DenseMLP, input: [Float], batch: Int) throws -> QuantizedInferenceReport {
    try tape.call("report") { try base!.report(model, input: input, batch: batch) }
  }
}

/// `LossScaling` through a tape.
struct LossScalingProxy: LossScaling, Sendable {
  let tape: Tape
  let base: (any LossScaling & Sendable)?

  func halfPrecisionGradients(_ gradients: [Float], lossScale: Float) throws -> [Float] {
    try tape.call("halfPrecisionGradients") {
      try base!.halfPrecisionGradients(gradients, lossScale: lossScale)
    }
  }

  func step(_ gradients: [Float], state: LossScalerState, policy: DynamicLossScaling) throws
    -> LossScalingStep
  {
    try tape.call("step") { try base!.step(gradients, state: state, policy: policy) }
  }
}

extension QuantizationGraders {
  /// Each contract's proxy on `tape`, around `edition`'s implementation (nil in the judge).
  public static func proxies(on tape: Tape, around edition: QuantizationEdition?)
    -> QuantizationEdition
  {
    (
      symmetric: SymmetricInt8Proxy(tape: tape, base: edition?.symmetric),
      affine: AffineUInt8Proxy(tape: tape, base: edition?.affine),
      perChannel: PerChannelProxy(tape: tape, base: edition?.perChannel),
      matmul: Int8MatMulProxy(tape: tape, base: edition?.matmul),
      inference: QuantizedInferenceProxy(tape: tape, base: edition?.inference),
      lossScaling: LossScalingProxy(tape: tape, base: edition?.lossScaling)
    )
  }
}
