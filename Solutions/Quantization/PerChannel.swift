import Quantization

/// Reference solution of PerChannel: each row is a small tensor of its own, quantized with the
/// symmetric rule.
public struct PerChannelQuantizer: PerChannel {
  public init() {}

  public func quantize(_ weights: [Float], rows: Int, columns: Int) throws
    -> PerChannelQuantizedTensor
  {
    try requireShape(rows: rows, columns: columns, count: weights.count)
    if let bad = weights.firstIndex(where: { !$0.isFinite }) {
      throw QuantizationError.nonFiniteValue(index: bad)
    }
    let symmetric = SymmetricInt8Quantizer()
    var q: [Int8] = []
    var scales: [Float] = []
    q.reserveCapacity(weights.count)
    for row in 0..<rows {
      let quantized = try symmetric.quantize(Array(weights[row * columns..<(row + 1) * columns]))
      q += quantized.q
      scales.append(quantized.scale)
    }
    return PerChannelQuantizedTensor(rows: rows, columns: columns, q: q, scales: scales)
  }

  public func dequantize(_ tensor: PerChannelQuantizedTensor) throws -> [Float] {
    try requireShape(rows: tensor.rows, columns: tensor.columns, count: tensor.q.count)
    guard tensor.scales.count == tensor.rows else {
      throw QuantizationError.shapeMismatch(expected: tensor.rows, actual: tensor.scales.count)
    }
    if let bad = tensor.scales.first(where: { !($0.isFinite && $0 > 0) }) {
      throw QuantizationError.invalidScale(bad)
    }
    return tensor.q.indices.map { index in
      Float(tensor.q[index]) * tensor.scales[index / tensor.columns]
    }
  }

  private func requireShape(rows: Int, columns: Int, count: Int) throws {
    if rows < 0 { throw QuantizationError.negativeDimension(rows) }
    if columns < 0 { throw QuantizationError.negativeDimension(columns) }
    if count != rows * columns {
      throw QuantizationError.shapeMismatch(expected: rows * columns, actual: count)
    }
  }
}
