import Foundation
import Harness
import ServingAndFinetuning

/// Grades Adam8bit against Adam written here in Double, on states the grader builds and on a
/// seeded run beside fp32 Adam; the state's bytes are counted from its arrays.
func gradeAdam8bit(_ adam: some Adam8bit, _ checks: CheckRecorder) {
  checks.check("the initial state: zero codes, a zero scale per block, 2 bytes per parameter") {
    let state = try adam.initialState(parameterCount: 5000, blockSize: 2048)
    try requireEqual(state.step, 0, "initial step")
    try requireEqual(state.blockSize, 2048, "initial blockSize")
    try requireEqual(state.mScales, [0, 0, 0], "m scales for 5000 parameters in blocks of 2048")
    try requireEqual(state.vScales, [0, 0, 0], "v scales for 5000 parameters in blocks of 2048")
    try require(
      state.mCodes.count == 5000 && state.mCodes.allSatisfy { signedMap[Int($0)] == 0 },
      "m codes: expected 5000 codes of the value 0 (index \(signedMap.firstIndex(of: 0) ?? -1))")
    try require(
      state.vCodes.count == 5000 && state.vCodes.allSatisfy { unsignedMap[Int($0)] == 0 },
      "v codes: expected 5000 codes of the value 0 (index \(unsignedMap.firstIndex(of: 0) ?? -1))")
  }
  checks.check("the first step moves every parameter by lr (bias correction)") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    let n = 300
    let hyper = AdamHyperparameters(learningRate: 0.01)
    let p = randomFloats(n, -1...1, &random)
    let g = randomFloats(n, -2...2, &random).map { $0 == 0 ? 1 : $0 }
    let result = try adam.step(
      parameters: p, gradient: g, state: try adam.initialState(parameterCount: n, blockSize: 64),
      hyper: hyper)
    // m̂ = g and v̂ = g² after one step: the update is lr·g / (|g| + ε).
    let expected = (0..<n).map {
      Double(p[$0]) - 0.01 * Double(g[$0]) / (abs(Double(g[$0])) + 1e-8)
    }
    try requireAllClose(
      result.parameters, expected, absolute: 1e-6, relative: 1e-6,
      "parameters after the first step (each moves by lr against its gradient)")
    try requireEqual(result.state.step, 1, "step after one step")
  }
  checks.check("a step from a given state: Adam on the moments read back, in fp32") {
    let hyper = AdamHyperparameters(learningRate: 0.003, beta1: 0.9, beta2: 0.99, epsilon: 1e-6)
    let (result, oracle) = try stepFromRandomState(
      adam, seed: 1, parameters: 500, block: 128, step: 6, gradients: -0.1...0.1, hyper)
    try requireAllClose(
      result.parameters, oracle.parameters, absolute: 1e-7, relative: 1e-6,
      "parameters after a step from step 6 (p − lr·m̂ / (√v̂ + ε) with the fresh fp32 moments)")
    try requireEqual(result.state.step, 7, "step after a step from 6")
  }
  checks.check("the new state: one absmax per block, codes nearest to the fp32 moments") {
    let (n, block) = (700, 256)
    let hyper = AdamHyperparameters(learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
    let (result, oracle) = try stepFromRandomState(
      adam, seed: 2, parameters: n, block: block, step: 2, gradients: -1...1, hyper)
    let next = result.state
    try requireEqual(next.blockSize, block, "blockSize of the new state")
    try requireEqual(next.mCodes.count, n, "m codes in the new state")
    try requireEqual(next.vCodes.count, n, "v codes in the new state")
    let moments: [(String, [Double], [UInt8], [Float], [Float])] = [
      ("m", oracle.m, next.mCodes, next.mScales, signedMap),
      ("v", oracle.v, next.vCodes, next.vScales, unsignedMap),
    ]
    for (name, fresh, codes, scales, map) in moments {
      try requireEqual(scales.count, 3, "\(name) scales for 700 parameters in blocks of 256")
      for b in 0..<3 {
        let range = b * block..<min(n, (b + 1) * block)
        let absmax = fresh[range].map(abs).max() ?? 0
        try requireClose(
          Double(scales[b]), absmax, tolerance: 1e-5 * absmax,
          "\(name) scale of block \(b) (the absmax of the new fp32 \(name))")
        for i in range {
          let t = fresh[i] / absmax
          let best = map.map { abs(Double($0) - t) }.min() ?? 0
          let got = abs(Double(map[Int(codes[i])]) - t)
          try require(
            got <= best + 1e-6,
            "\(name) code of parameter \(i): \(name) / absmax = \(t), but the code reads back "
              + "\(map[Int(codes[i])]), not the nearest of the dynamic map")
        }
      }
    }
  }
  checks.check("seeded run of 200 steps tracks fp32 Adam within 2 % of the distance travelled") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 3)
    let (n, block) = (1000, 256)
    let hyper = AdamHyperparameters(learningRate: 0.01)
    let target = randomFloats(n, -1...1, &random)
    let curvature = randomFloats(n, 0.01...10, &random)
    let start = [Float](repeating: 0, count: n)
    var p8 = start
    var state = try adam.initialState(parameterCount: n, blockSize: block)
    var p32 = start.map(Double.init)
    var m = [Double](repeating: 0, count: n)
    var v = [Double](repeating: 0, count: n)
    for t in 1...200 {
      // Noisy gradients of ½·c·(p − target)², the same noise for both runs.
      let noise = randomFloats(n, -0.5...0.5, &random)
      let g8 = (0..<n).map { curvature[$0] * (p8[$0] - target[$0]) + noise[$0] }
      let result = try adam.step(parameters: p8, gradient: g8, state: state, hyper: hyper)
      p8 = result.parameters
      state = result.state
      for i in 0..<n {
        let g = Double(curvature[i]) * (p32[i] - Double(target[i])) + Double(noise[i])
        m[i] = 0.9 * m[i] + 0.1 * g
        v[i] = 0.999 * v[i] + 0.001 * g * g
        let mHat = m[i] / (1 - pow(0.9, Double(t)))
        let vHat = v[i] / (1 - pow(0.999, Double(t)))
        p32[i] -= 0.01 * mHat / (vHat.squareRoot() + 1e-8)
      }
    }
    let travelled = (0..<n).map { abs(p32[$0] - Double(start[$0])) }.reduce(0, +)
    let gap = (0..<n).map { abs(Double(p8[$0]) - p32[$0]) }.reduce(0, +)
    try require(
      gap <= 0.02 * travelled,
      "after 200 steps the 8-bit run is \(gap) away from fp32 Adam in total, more than 2 % of the \(travelled) fp32 Adam travelled"
    )
  }
  checks.check("state bytes measured: about 2 per parameter plus the block scales") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 4)
    let n = 10000
    let state0 = try adam.initialState(parameterCount: n, blockSize: 2048)
    let result = try adam.step(
      parameters: randomFloats(n, -1...1, &random), gradient: randomFloats(n, -1...1, &random),
      state: state0, hyper: AdamHyperparameters())
    for (name, state) in [("initial", state0), ("after a step", result.state)] {
      let bytes =
        state.mCodes.count + state.vCodes.count + 4 * (state.mScales.count + state.vScales.count)
      try requireEqual(
        bytes, 2 * n + 8 * 5,
        "bytes of the \(name) state for \(n) parameters in blocks of 2048 (2 per parameter + 2 fp32 scales per block)"
      )
    }
  }
  checks.check("the optimizer keeps nothing between calls: two models in turn stay independent") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 5)
    let n = 200
    let hyper = AdamHyperparameters(learningRate: 0.05)
    let gradientsA = (0..<5).map { _ in randomFloats(n, -1...1, &random) }
    let gradientsB = (0..<5).map { _ in randomFloats(n, -3...3, &random) }
    func alone(_ gradients: [[Float]]) throws -> [Float] {
      var p = [Float](repeating: 0.5, count: n)
      var state = try adam.initialState(parameterCount: n, blockSize: 64)
      for g in gradients {
        let result = try adam.step(parameters: p, gradient: g, state: state, hyper: hyper)
        (p, state) = (result.parameters, result.state)
      }
      return p
    }
    let soloA = try alone(gradientsA)
    let soloB = try alone(gradientsB)
    var (pA, pB) = ([Float](repeating: 0.5, count: n), [Float](repeating: 0.5, count: n))
    var sA = try adam.initialState(parameterCount: n, blockSize: 64)
    var sB = sA
    for index in 0..<5 {
      let a = try adam.step(parameters: pA, gradient: gradientsA[index], state: sA, hyper: hyper)
      let b = try adam.step(parameters: pB, gradient: gradientsB[index], state: sB, hyper: hyper)
      (pA, sA, pB, sB) = (a.parameters, a.state, b.parameters, b.state)
    }
    try requireEqual(pA, soloA, "model A's parameters stepped in turn with model B vs alone")
    try requireEqual(pB, soloB, "model B's parameters stepped in turn with model A vs alone")
  }
  checks.check("mismatched lengths and NaN gradients are refused") {
    let state = try adam.initialState(parameterCount: 4, blockSize: 2)
    try requireShapeMismatch("step with 4 parameters and 3 gradients") {
      try adam.step(parameters: [1, 2, 3, 4], gradient: [1, 2, 3], state: state, hyper: .init())
    }
    try requireShapeMismatch("step with 5 parameters and a state for 4") {
      try adam.step(
        parameters: [1, 2, 3, 4, 5], gradient: [1, 2, 3, 4, 5], state: state, hyper: .init())
    }
    try requireNonFinite("step with a NaN gradient at 2", index: 2) {
      try adam.step(
        parameters: [1, 2, 3, 4], gradient: [1, 2, .nan, 4], state: state, hyper: .init())
    }
    try requireInvalidConfiguration("initialState with block size 0") {
      try adam.initialState(parameterCount: 4, blockSize: 0)
    }
  }
}

/// bitsandbytes' `create_dynamic_map`, written out: for i = 0 … 6, the midpoints of the 2ⁱ
/// (signed) or 2ⁱ⁺¹ (unsigned) equal steps of linspace(0.1, 1) times 10ⁱ⁻⁶, then 0 and 1.
private func dynamicMap(signed: Bool) -> [Float] {
  var data: [Double] = []
  for i in 0..<7 {
    let items = signed ? (1 << i) + 1 : (1 << (i + 1)) + 1
    let boundaries = (0..<items).map { 0.1 + 0.9 * Double($0) / Double(items - 1) }
    let means = (0..<items - 1).map { (boundaries[$0] + boundaries[$0 + 1]) / 2 }
    let decade = pow(10, Double(i - 6))
    data += means.map { decade * $0 }
    if signed { data += means.map { -decade * $0 } }
  }
  data += [0, 1]
  return data.sorted().map(Float.init)
}

private let signedMap = dynamicMap(signed: true)
private let unsignedMap = dynamicMap(signed: false)

/// A state with random codes and scales, v codes kept in the map's upper half so that no
/// moment is vanishingly small.
private func randomState(_ n: Int, _ block: Int, step: Int, _ random: inout SeededGenerator)
  -> Adam8bitState
{
  let blocks = (n + block - 1) / block
  return Adam8bitState(
    step: step, blockSize: block,
    mCodes: (0..<n).map { _ in UInt8.random(in: 0...255, using: &random) },
    mScales: randomFloats(blocks, 0.01...0.1, &random),
    vCodes: (0..<n).map { _ in UInt8.random(in: 128...255, using: &random) },
    vScales: randomFloats(blocks, 0.001...0.01, &random))
}

/// One step of `adam` from a random state at `step` (drawn first), on random parameters in
/// −1...1 and gradients in `gradients` (drawn after it) from the grading seed plus `seed`, and
/// the oracle's step on the same inputs.
private func stepFromRandomState(
  _ adam: some Adam8bit, seed: UInt64, parameters n: Int, block: Int, step: Int,
  gradients: ClosedRange<Float>, _ hyper: AdamHyperparameters
) throws -> (Adam8bitStep, (parameters: [Double], m: [Double], v: [Double])) {
  var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ seed)
  let state = randomState(n, block, step: step, &random)
  let p = randomFloats(n, -1...1, &random)
  let g = randomFloats(n, gradients, &random)
  let result = try adam.step(parameters: p, gradient: g, state: state, hyper: hyper)
  return (result, oracleStep(p, g, state, hyper))
}

/// Adam from the moments a state stores, in Double: the parameters after the step.
private func oracleStep(
  _ p: [Float], _ g: [Float], _ state: Adam8bitState, _ hyper: AdamHyperparameters
) -> (parameters: [Double], m: [Double], v: [Double]) {
  let t = Double(state.step + 1)
  let (b1, b2) = (Double(hyper.beta1), Double(hyper.beta2))
  var parameters: [Double] = []
  var ms: [Double] = []
  var vs: [Double] = []
  for i in p.indices {
    let block = i / state.blockSize
    let oldM = Double(signedMap[Int(state.mCodes[i])] * state.mScales[block])
    let oldV = Double(unsignedMap[Int(state.vCodes[i])] * state.vScales[block])
    let m = b1 * oldM + (1 - b1) * Double(g[i])
    let v = b2 * oldV + (1 - b2) * Double(g[i]) * Double(g[i])
    let mHat = m / (1 - pow(b1, t))
    let vHat = v / (1 - pow(b2, t))
    parameters.append(
      Double(p[i]) - Double(hyper.learningRate) * mHat / (vHat.squareRoot() + Double(hyper.epsilon))
    )
    ms.append(m)
    vs.append(v)
  }
  return (parameters, ms, vs)
}
