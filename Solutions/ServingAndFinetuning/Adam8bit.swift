import Harness
import ServingAndFinetuning

/// Reference solution of Adam8bit: read back, update in fp32, requantize blockwise.
public struct Adam8bitOptimizer: Adam8bit {
  public init() {}

  public func initialState(parameterCount: Int, blockSize: Int) throws -> Adam8bitState {
    guard blockSize > 0, parameterCount >= 0 else {
      throw ServingError.invalidConfiguration(
        "\(parameterCount) parameters, blocks of \(blockSize)")
    }
    let blocks = (parameterCount + blockSize - 1) / blockSize
    return Adam8bitState(
      step: 0, blockSize: blockSize,
      mCodes: Array(repeating: DynamicMap.signedZeroCode, count: parameterCount),
      mScales: Array(repeating: 0, count: blocks),
      vCodes: Array(repeating: DynamicMap.unsignedZeroCode, count: parameterCount),
      vScales: Array(repeating: 0, count: blocks))
  }

  public func step(
    parameters: [Float], gradient: [Float], state: Adam8bitState, hyper: AdamHyperparameters
  ) throws -> Adam8bitStep {
    let n = parameters.count
    guard state.blockSize > 0 else {
      throw ServingError.invalidConfiguration("block size \(state.blockSize)")
    }
    let blocks = (n + state.blockSize - 1) / state.blockSize
    guard gradient.count == n, state.mCodes.count == n, state.vCodes.count == n,
      state.mScales.count == blocks, state.vScales.count == blocks
    else { throw ServingError.shapeMismatch("\(n) parameters, \(gradient.count) gradients") }
    if let bad = gradient.firstIndex(where: { !$0.isFinite }) {
      throw ServingError.nonFiniteValue(index: bad)
    }
    let t = state.step + 1
    let correction1 = 1 - pow(hyper.beta1, t)
    let correction2 = 1 - pow(hyper.beta2, t)
    var updated = parameters
    var m = [Float](repeating: 0, count: n)
    var v = [Float](repeating: 0, count: n)
    for i in 0..<n {
      let block = i / state.blockSize
      let oldM = DynamicMap.signed[Int(state.mCodes[i])] * state.mScales[block]
      let oldV = DynamicMap.unsigned[Int(state.vCodes[i])] * state.vScales[block]
      let g = gradient[i]
      m[i] = hyper.beta1 * oldM + (1 - hyper.beta1) * g
      v[i] = hyper.beta2 * oldV + (1 - hyper.beta2) * g * g
      // The update uses the fresh fp32 moments; only what is stored is 8-bit.
      let mHat = m[i] / correction1
      let vHat = v[i] / correction2
      updated[i] -= hyper.learningRate * mHat / (vHat.squareRoot() + hyper.epsilon)
    }
    let (mCodes, mScales) = quantize(m, blockSize: state.blockSize, map: DynamicMap.signed)
    let (vCodes, vScales) = quantize(v, blockSize: state.blockSize, map: DynamicMap.unsigned)
    let next = Adam8bitState(
      step: t, blockSize: state.blockSize, mCodes: mCodes, mScales: mScales, vCodes: vCodes,
      vScales: vScales)
    return Adam8bitStep(parameters: updated, state: next)
  }

  /// Blockwise: scale = absmax of the block, code = nearest map value to x / scale.
  private func quantize(_ values: [Float], blockSize: Int, map: [Float]) -> ([UInt8], [Float]) {
    var codes: [UInt8] = []
    var scales: [Float] = []
    let zero = UInt8(map.firstIndex(of: 0) ?? 0)
    for start in stride(from: 0, to: values.count, by: blockSize) {
      let block = values[start..<min(start + blockSize, values.count)]
      let absmax = block.reduce(Float(0)) { max($0, $1.magnitude) }
      scales.append(absmax)
      for x in block { codes.append(absmax == 0 ? zero : nearest(x / absmax, in: map)) }
    }
    return (codes, scales)
  }

  /// Binary search for the first map value ≥ t, then the closer of it and the one below.
  private func nearest(_ t: Float, in map: [Float]) -> UInt8 {
    var low = 0
    var high = map.count - 1
    while low < high {
      let middle = (low + high) / 2
      if map[middle] < t { low = middle + 1 } else { high = middle }
    }
    if low > 0 && t - map[low - 1] <= map[low] - t { low -= 1 }
    return UInt8(low)
  }

  private func pow(_ base: Float, _ exponent: Int) -> Float {
    var result: Float = 1
    for _ in 0..<exponent { result *= base }
    return result
  }
}
