import Quantization

/// Reference solution of Int8MatMul, plus `multiplyFloats`, the same loop over fp32, so that a
/// benchmark compares like with like.
public struct Int8MatrixMultiplier: Int8MatMul {
  public init() {}

  public func multiply(_ a: [Int8], _ b: [Int8], m: Int, k: Int, n: Int) throws -> [Int32] {
    try requireShapes(a.count, b.count, m: m, k: k, n: n)
    guard k <= QuantizationLimits.maximumAccumulationDepth else {
      throw QuantizationError.accumulationMayOverflow(depth: k)
    }
    var c = [Int32](repeating: 0, count: m * n)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          // i, l, j order: the innermost loop walks a row of b and a row of c contiguously.
          for i in 0..<m {
            for l in 0..<k {
              let left = Int32(a[i * k + l])
              for j in 0..<n {
                // Widen before multiplying: an int8 product needs up to 15 bits. The depth check
                // above proves the sum cannot overflow, so wrapping operators only drop the
                // overflow checks that would stop the loop from vectorizing.
                c[i * n + j] &+= left &* Int32(b[l * n + j])
              }
            }
          }
        }
      }
    }
    return c
  }

  /// The fp32 matrix product with the same loop order and layout as `multiply(_:_:m:k:n:)`.
  public func multiplyFloats(_ a: [Float], _ b: [Float], m: Int, k: Int, n: Int) throws -> [Float] {
    try requireShapes(a.count, b.count, m: m, k: k, n: n)
    var c = [Float](repeating: 0, count: m * n)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          for i in 0..<m {
            for l in 0..<k {
              let left = a[i * k + l]
              for j in 0..<n {
                c[i * n + j] += left * b[l * n + j]
              }
            }
          }
        }
      }
    }
    return c
  }

  public func requantize(_ accumulators: [Int32], multiplier: Double) throws -> [Int8] {
    guard multiplier.isFinite, multiplier > 0 else {
      throw QuantizationError.invalidMultiplier(multiplier)
    }
    return accumulators.map { accumulator in
      let code = (Double(accumulator) * multiplier).rounded(.toNearestOrEven)
      return Int8(Swift.min(Swift.max(code, -127), 127))
    }
  }

  public func multiply(
    _ a: QuantizedTensor<Int8>, _ b: QuantizedTensor<Int8>, m: Int, k: Int, n: Int,
    outputScale: Float
  ) throws -> QuantizedTensor<Int8> {
    for scale in [a.scale, b.scale, outputScale] where !(scale.isFinite && scale > 0) {
      throw QuantizationError.invalidScale(scale)
    }
    for zeroPoint in [a.zeroPoint, b.zeroPoint] where zeroPoint != 0 {
      throw QuantizationError.invalidZeroPoint(zeroPoint)
    }
    let accumulators = try multiply(a.q, b.q, m: m, k: k, n: n)
    // (s_a q_a)(s_b q_b) = s_a s_b (q_a q_b), and the output code is that over s_out.
    let multiplier = Double(a.scale) * Double(b.scale) / Double(outputScale)
    let q = try requantize(accumulators, multiplier: multiplier)
    return QuantizedTensor(q: q, scale: outputScale, zeroPoint: 0)
  }

  private func requireShapes(_ aCount: Int, _ bCount: Int, m: Int, k: Int, n: Int) throws {
    for dimension in [m, k, n] where dimension < 0 {
      throw QuantizationError.negativeDimension(dimension)
    }
    if aCount != m * k { throw QuantizationError.shapeMismatch(expected: m * k, actual: aCount) }
    if bCount != k * n { throw QuantizationError.shapeMismatch(expected: k * n, actual: bCount) }
  }
}
