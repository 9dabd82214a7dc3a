import Quantization

/// Reference solution of AffineUInt8, following PyTorch's MinMaxObserver step by step.
public struct AffineUInt8Quantizer: AffineUInt8 {
  public init() {}

  public func parameters(for values: [Float]) throws -> (scale: Float, zeroPoint: Int) {
    try requireFinite(values)
    // The range must contain 0, so that 0.0 gets a code of its own (padding, ReLU outputs).
    let low = Swift.min(values.min() ?? 0, 0)
    let high = Swift.max(values.max() ?? 0, 0)
    let scale = Swift.max((high - low) / 255, QuantizationLimits.minimumScale)
    let zeroPoint = 0 - Int((low / scale).rounded(.toNearestOrEven))
    return (scale, Swift.min(Swift.max(zeroPoint, 0), 255))
  }

  public func quantize(_ values: [Float], scale: Float, zeroPoint: Int) throws -> [UInt8] {
    try requireValid(scale: scale, zeroPoint: zeroPoint)
    try requireFinite(values)
    let shift = Float(zeroPoint)
    return values.map { x in
      let code = (x / scale).rounded(.toNearestOrEven) + shift
      return UInt8(Swift.min(Swift.max(code, 0), 255))
    }
  }

  public func dequantize(_ codes: [UInt8], scale: Float, zeroPoint: Int) throws -> [Float] {
    try requireValid(scale: scale, zeroPoint: zeroPoint)
    return codes.map { scale * Float(Int($0) - zeroPoint) }
  }

  public func quantize(_ values: [Float]) throws -> QuantizedTensor<UInt8> {
    let (scale, zeroPoint) = try parameters(for: values)
    let q = try quantize(values, scale: scale, zeroPoint: zeroPoint)
    return QuantizedTensor(q: q, scale: scale, zeroPoint: zeroPoint)
  }

  private func requireFinite(_ values: [Float]) throws {
    if let bad = values.firstIndex(where: { !$0.isFinite }) {
      throw QuantizationError.nonFiniteValue(index: bad)
    }
  }

  private func requireValid(scale: Float, zeroPoint: Int) throws {
    guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
    guard (0...255).contains(zeroPoint) else {
      throw QuantizationError.invalidZeroPoint(zeroPoint)
    }
  }
}
