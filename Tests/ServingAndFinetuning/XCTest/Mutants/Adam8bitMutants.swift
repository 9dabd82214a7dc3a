#if canImport(ServingAndFinetuningSolutions)
  import ServingAndFinetuning

  /// 8-bit Adam with one mistake, chosen by `mistake`.
  final class Adam8bitMutant: Adam8bit, @unchecked Sendable {
    enum Mistake {
      /// Leaves out the bias correction.
      case noBiasCorrection
      /// One scale for the whole tensor: the block size ignored.
      case oneBlock
      /// Keeps fp32 moments of its own between calls.
      case hiddenState
      /// Computes the update from the requantized moments.
      case updatesFromRequantized
      /// Evenly spaced codes (absmax / 127 steps) instead of the dynamic map.
      case linearCodes
      /// Stores v with the signed map.
      case signedMapForV
    }

    let mistake: Mistake
    private var hiddenM: [Float] = []
    private var hiddenV: [Float] = []

    init(_ mistake: Mistake) { self.mistake = mistake }

    func initialState(parameterCount: Int, blockSize: Int) throws -> Adam8bitState {
      guard blockSize > 0 else { throw ServingError.invalidConfiguration("block size") }
      let block = mistake == .oneBlock ? max(1, parameterCount) : blockSize
      let blocks = (parameterCount + block - 1) / block
      return Adam8bitState(
        step: 0, blockSize: block, mCodes: Array(repeating: 127, count: parameterCount),
        mScales: Array(repeating: 0, count: blocks),
        vCodes: Array(repeating: vZero, count: parameterCount),
        vScales: Array(repeating: 0, count: blocks))
    }

    private var vMap: [Float] {
      mistake == .signedMapForV ? DynamicMap.signed : DynamicMap.unsigned
    }
    private var vZero: UInt8 { mistake == .signedMapForV ? 127 : 0 }

    func step(
      parameters: [Float], gradient: [Float], state: Adam8bitState, hyper: AdamHyperparameters
    ) throws -> Adam8bitStep {
      let n = parameters.count
      guard gradient.count == n, state.mCodes.count == n else {
        throw ServingError.shapeMismatch("lengths")
      }
      if let bad = gradient.firstIndex(where: { !$0.isFinite }) {
        throw ServingError.nonFiniteValue(index: bad)
      }
      let t = state.step + 1
      var c1: Float = 1
      var c2: Float = 1
      if mistake != .noBiasCorrection {
        c1 = 1 - (0..<t).reduce(Float(1)) { r, _ in r * hyper.beta1 }
        c2 = 1 - (0..<t).reduce(Float(1)) { r, _ in r * hyper.beta2 }
      }
      var m = [Float](repeating: 0, count: n)
      var v = [Float](repeating: 0, count: n)
      for i in 0..<n {
        let block = i / state.blockSize
        var oldM = decode(state.mCodes[i], DynamicMap.signed) * state.mScales[block]
        var oldV = decode(state.vCodes[i], vMap) * state.vScales[block]
        if mistake == .hiddenState && hiddenM.count == n { (oldM, oldV) = (hiddenM[i], hiddenV[i]) }
        m[i] = hyper.beta1 * oldM + (1 - hyper.beta1) * gradient[i]
        v[i] = hyper.beta2 * oldV + (1 - hyper.beta2) * gradient[i] * gradient[i]
      }
      if mistake == .hiddenState { (hiddenM, hiddenV) = (m, v) }
      let (mCodes, mScales) = quantize(m, state.blockSize, DynamicMap.signed)
      let (vCodes, vScales) = quantize(v, state.blockSize, vMap)
      var updated = parameters
      for i in 0..<n {
        var (mi, vi) = (m[i], v[i])
        if mistake == .updatesFromRequantized {
          let block = i / state.blockSize
          mi = decode(mCodes[i], DynamicMap.signed) * mScales[block]
          vi = decode(vCodes[i], vMap) * vScales[block]
        }
        updated[i] -= hyper.learningRate * (mi / c1) / ((vi / c2).squareRoot() + hyper.epsilon)
      }
      return Adam8bitStep(
        parameters: updated,
        state: Adam8bitState(
          step: t, blockSize: state.blockSize, mCodes: mCodes, mScales: mScales, vCodes: vCodes,
          vScales: vScales))
    }

    private func decode(_ code: UInt8, _ map: [Float]) -> Float {
      mistake == .linearCodes ? Float(Int(code) - 127) / 127 : map[Int(code)]
    }

    private func quantize(_ values: [Float], _ blockSize: Int, _ map: [Float]) -> ([UInt8], [Float])
    {
      var codes: [UInt8] = []
      var scales: [Float] = []
      for start in stride(from: 0, to: values.count, by: blockSize) {
        let block = values[start..<min(values.count, start + blockSize)]
        let absmax = block.map(\.magnitude).max() ?? 0
        scales.append(absmax)
        for x in block {
          if mistake == .linearCodes {
            codes.append(UInt8(Int((absmax == 0 ? 0 : x / absmax * 127).rounded()) + 127))
          } else {
            let t = absmax == 0 ? 0 : x / absmax
            // Binary search for the first value ≥ t, then the nearer neighbour.
            var (low, high) = (0, map.count - 1)
            while low < high {
              let middle = (low + high) / 2
              if map[middle] < t { low = middle + 1 } else { high = middle }
            }
            if low > 0 && t - map[low - 1] <= map[low] - t { low -= 1 }
            codes.append(UInt8(low))
          }
        }
      }
      return (codes, scales)
    }
  }
#endif
