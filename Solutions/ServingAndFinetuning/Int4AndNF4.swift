import Harness
import ServingAndFinetuning

/// Reference solution of Int4AndNF4: int4 with fp16 group scales, and NF4 with
/// double-quantized block constants.
public struct BlockQuantizer: Int4AndNF4 {
  public init() {}

  public func quantizeInt4(_ values: [Float], groupSize: Int) throws -> Int4Weights {
    guard groupSize > 0 else { throw ServingError.invalidConfiguration("group size \(groupSize)") }
    try requireFinite(values)
    var codes: [UInt8] = []
    var scales: [UInt16] = []
    for start in stride(from: 0, to: values.count, by: groupSize) {
      let group = values[start..<min(start + groupSize, values.count)]
      let (absmax, at) = largest(group)
      let pattern = HalfBits.encode(absmax / 7)
      guard pattern & 0x7C00 != 0x7C00 else { throw ServingError.valueOutOfRange(index: at) }
      scales.append(pattern)
      let scale = HalfBits.decode(pattern)
      for x in group {
        let q = scale == 0 ? 0 : min(max((x / scale).rounded(.toNearestOrEven), -7), 7)
        codes.append(UInt8(Int(q) + 8))
      }
    }
    return Int4Weights(
      count: values.count, groupSize: groupSize, packed: pack(codes), scales: scales)
  }

  public func dequantize(_ weights: Int4Weights) throws -> [Float] {
    guard weights.groupSize > 0 else {
      throw ServingError.invalidConfiguration("group size \(weights.groupSize)")
    }
    let groups = (weights.count + weights.groupSize - 1) / weights.groupSize
    guard weights.scales.count == groups, weights.packed.count == (weights.count + 1) / 2 else {
      throw ServingError.shapeMismatch("\(weights.count) weights in groups of \(weights.groupSize)")
    }
    return unpack(weights.packed, count: weights.count).enumerated().map { index, code in
      Float(Int(code) - 8) * HalfBits.decode(weights.scales[index / weights.groupSize])
    }
  }

  public func quantizeNF4(_ values: [Float]) throws -> NF4Weights {
    try requireFinite(values)
    // First level: one absmax per block of 64.
    let constants = stride(from: 0, to: values.count, by: NF4.blockSize).map {
      largest(values[$0..<min($0 + NF4.blockSize, values.count)]).value
    }
    // Second level: each constant in 8 bits, one fp32 scale per 256, rounded up.
    var constantCodes: [UInt8] = []
    var constantScales: [Float] = []
    for start in stride(from: 0, to: constants.count, by: NF4.constantsPerGroup) {
      let group = constants[start..<min(start + NF4.constantsPerGroup, constants.count)]
      let scale = (group.max() ?? 0) / 255
      constantScales.append(scale)
      for c in group {
        constantCodes.append(scale == 0 ? 0 : UInt8(min(255, (c / scale).rounded(.up))))
      }
    }
    var codes: [UInt8] = []
    for (index, x) in values.enumerated() {
      let block = index / NF4.blockSize
      let stored = storedConstant(block, constantCodes, constantScales)
      codes.append(stored == 0 ? 7 : nearestLevel(x / stored))
    }
    return NF4Weights(
      count: values.count, packed: pack(codes), constantCodes: constantCodes,
      constantScales: constantScales)
  }

  public func dequantize(_ weights: NF4Weights) throws -> [Float] {
    let blocks = (weights.count + NF4.blockSize - 1) / NF4.blockSize
    let groups = (blocks + NF4.constantsPerGroup - 1) / NF4.constantsPerGroup
    guard weights.constantCodes.count == blocks, weights.constantScales.count == groups,
      weights.packed.count == (weights.count + 1) / 2
    else { throw ServingError.shapeMismatch("\(weights.count) NF4 weights") }
    return unpack(weights.packed, count: weights.count).enumerated().map { index, code in
      let stored = storedConstant(
        index / NF4.blockSize, weights.constantCodes, weights.constantScales)
      return NF4.levels[Int(code)] * stored
    }
  }

  /// c′ = code × s₂ of the group the block's constant belongs to.
  private func storedConstant(_ block: Int, _ codes: [UInt8], _ scales: [Float]) -> Float {
    Float(codes[block]) * scales[block / NF4.constantsPerGroup]
  }

  /// The index of the level nearest to t; on a tie the lower one (the first found).
  private func nearestLevel(_ t: Float) -> UInt8 {
    var best = 0
    for index in 1..<NF4.levels.count
    where abs(NF4.levels[index] - t) < abs(NF4.levels[best] - t) {
      best = index
    }
    return UInt8(best)
  }

  /// Two 4-bit codes per byte, the even element in the low nibble.
  private func pack(_ codes: [UInt8]) -> [UInt8] {
    stride(from: 0, to: codes.count, by: 2).map { index in
      let high = index + 1 < codes.count ? codes[index + 1] : 0
      return codes[index] | high << 4
    }
  }

  private func unpack(_ bytes: [UInt8], count: Int) -> [UInt8] {
    (0..<count).map { index in
      index % 2 == 0 ? bytes[index / 2] & 0x0F : bytes[index / 2] >> 4
    }
  }

  private func largest(_ values: ArraySlice<Float>) -> (value: Float, index: Int) {
    var best = (value: Float(0), index: values.startIndex)
    for index in values.indices where values[index].magnitude > best.value {
      best = (values[index].magnitude, index)
    }
    return best
  }

  private func requireFinite(_ values: [Float]) throws {
    if let bad = values.firstIndex(where: { !$0.isFinite }) {
      throw ServingError.nonFiniteValue(index: bad)
    }
  }
}
