import Foundation
import Harness
import TrainingMemory

/// Grades AdamStep against the paper's update written out in Double in this file, closed forms
/// for the first step, a convergence run on a seeded quadratic, and a look at the stored state.
func gradeAdamStep<Adam: AdamStepping>(_ adam: Adam.Type, _ checks: CheckRecorder) {
  checks.check("the first step moves each parameter by lr·g/(|g| + ε), about lr·sign(g)") {
    let settings = AdamSettings()
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    var gradients: [Float] = [1, -1, 0.5, -0.002, 1000, 0, 3e-7, -42]
    gradients += (0..<56).map { _ in Float(uniform(-2...2, &random)) }
    let start = gradients.map { _ in Float(uniform(-3...3, &random)) }
    var optimizer = try Adam(parameterCount: gradients.count, settings: settings)
    var parameters = start
    try optimizer.step(&parameters, gradients: gradients)
    try requireCount(parameters, gradients.count, "parameters after one step")
    let lr = Double(settings.learningRate)
    for i in gradients.indices {
      let g = Double(gradients[i])
      let expected = Double(start[i]) - lr * g / (abs(g) + Double(settings.epsilon))
      try requireClose(
        Double(parameters[i]), expected, tolerance: firstStepTolerance(start[i], lr),
        "θ after one step from θ = \(start[i]) with g = \(gradients[i]) (lr = \(lr))")
    }
  }
  checks.check("after one step m = (1 − β₁)·g, v = (1 − β₂)·g² and the step count is 1") {
    let settings = AdamSettings(learningRate: 0.01, beta1: 0.8, beta2: 0.99)
    let gradients: [Float] = [2, -0.5, 0, 1e-3, -7]
    var optimizer = try Adam(parameterCount: gradients.count, settings: settings)
    var parameters = [Float](repeating: 1, count: gradients.count)
    try optimizer.step(&parameters, gradients: gradients)
    try requireEqual(optimizer.stepCount, 1, "stepCount after one step")
    try requireCount(optimizer.m, gradients.count, "m")
    try requireCount(optimizer.v, gradients.count, "v")
    for (i, g) in gradients.enumerated() {
      let g = Double(g)
      let m = (1 - Double(settings.beta1)) * g
      let v = (1 - Double(settings.beta2)) * g * g
      try requireClose(
        Double(optimizer.m[i]), m, tolerance: 1e-6 * abs(m), "m after one step with g = \(g)")
      try requireClose(
        Double(optimizer.v[i]), v, tolerance: 1e-6 * v, "v after one step with g = \(g)")
    }
  }
  checks.check("without bias correction the first step is lr·m / (√v + ε)") {
    let settings = AdamSettings(biasCorrection: false)
    let gradients: [Float] = [1, -1, 0.25, -4, 1e-6]
    var optimizer = try Adam(parameterCount: gradients.count, settings: settings)
    var parameters = [Float](repeating: 0.5, count: gradients.count)
    try optimizer.step(&parameters, gradients: gradients)
    try requireCount(parameters, gradients.count, "parameters after one step")
    let lr = Double(settings.learningRate)
    for (i, g) in gradients.enumerated() {
      let g = Double(g)
      let m = (1 - Double(settings.beta1)) * g
      let v = (1 - Double(settings.beta2)) * g * g
      let expected = 0.5 - lr * m / (v.squareRoot() + Double(settings.epsilon))
      try requireClose(
        Double(parameters[i]), expected, tolerance: firstStepTolerance(0.5, lr),
        "θ after one uncorrected step from 0.5 with g = \(g) (about 3.16·lr·sign(g))")
    }
  }
  for (index, settings) in referenceSettings.enumerated() {
    checks.check(
      "200 seeded steps match a Double reference (settings \(index + 1): lr \(settings.learningRate), "
        + "β₁ \(settings.beta1), β₂ \(settings.beta2), ε \(settings.epsilon), "
        + "bias correction \(settings.biasCorrection ? "on" : "off"))"
    ) {
      try compareWithReference(adam, settings: settings, seedOffset: UInt64(index))
    }
  }
  checks.check("converges to the minimum of a seeded quadratic") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 7)
    let count = 32
    let curvature = (0..<count).map { _ in uniform(0.5...5, &random) }
    let minimum = (0..<count).map { _ in uniform(-3...3, &random) }
    var parameters = (0..<count).map { _ in Float(uniform(-5...5, &random)) }
    var optimizer = try Adam(parameterCount: count, settings: AdamSettings(learningRate: 0.02))
    for _ in 0..<2000 {
      let gradients = (0..<count).map { i in
        Float(curvature[i] * (Double(parameters[i]) - minimum[i]))
      }
      try optimizer.step(&parameters, gradients: gradients)
      try requireCount(parameters, count, "parameters after a step")
    }
    for i in 0..<count {
      try requireClose(
        Double(parameters[i]), minimum[i], tolerance: 1e-3,
        "θ[\(i)] after 2000 steps on ½·\(curvature[i])·(θ − \(minimum[i]))²")
    }
  }
  checks.check("the state is m and v, one Float each per parameter, plus the step count") {
    let count = 37
    var optimizer = try Adam(parameterCount: count, settings: AdamSettings())
    try requireEqual(optimizer.stepCount, 0, "stepCount before any step")
    try requireEqual(optimizer.m, [Float](repeating: 0, count: count), "m before any step")
    try requireEqual(optimizer.v, [Float](repeating: 0, count: count), "v before any step")
    var parameters = [Float](repeating: 1, count: count)
    for step in 1...3 {
      try optimizer.step(&parameters, gradients: [Float](repeating: Float(step), count: count))
    }
    try requireEqual(optimizer.stepCount, 3, "stepCount after three steps")
    var stored = 0
    for child in Mirror(reflecting: optimizer).children {
      let name = child.label ?? "a stored value"
      if let floats = child.value as? [Float] {
        stored += floats.count
      } else if let style = Mirror(reflecting: child.value).displayStyle,
        [.collection, .dictionary, .set].contains(style)
      {
        throw CheckFailure(
          "the optimizer stores \(name) of type \(type(of: child.value)); Adam's state is two "
            + "Float arrays (m and v) and a step count")
      }
    }
    try requireEqual(
      stored, 2 * count,
      "Floats stored in arrays for \(count) parameters (Adam's state is two Floats per "
        + "parameter, m and v)")
  }
  checks.check("mismatched lengths and negative counts throw, and change nothing") {
    var optimizer = try Adam(parameterCount: 4, settings: AdamSettings())
    var parameters: [Float] = [1, 2, 3, 4]
    try requireThrows("step with 5 gradients for 4 parameters") {
      try optimizer.step(&parameters, gradients: [1, 1, 1, 1, 1])
    }
    try requireThrows("step with 3 gradients for 4 parameters") {
      try optimizer.step(&parameters, gradients: [1, 1, 1])
    }
    var short: [Float] = [1, 2, 3]
    try requireThrows("step on 3 parameters with an optimizer made for 4") {
      try optimizer.step(&short, gradients: [1, 1, 1, 1])
    }
    try requireEqual(parameters, [1, 2, 3, 4], "parameters after refused steps")
    try requireEqual(optimizer.stepCount, 0, "stepCount after refused steps")
    try requireThrows("init(parameterCount: -1)") {
      _ = try Adam(parameterCount: -1, settings: AdamSettings())
    }
  }
}

/// The three settings of the reference runs: the paper's defaults, a large ε with a short
/// memory, and no bias correction.
private let referenceSettings = [
  AdamSettings(),
  AdamSettings(learningRate: 0.01, beta1: 0.8, beta2: 0.95, epsilon: 1e-3),
  AdamSettings(learningRate: 0.005, beta1: 0.9, beta2: 0.999, epsilon: 1e-6, biasCorrection: false),
]

/// Float rounding of θ itself (a few ulps) plus a sliver of the step.
private func firstStepTolerance(_ start: Float, _ lr: Double) -> Double {
  4 * Double(start.ulp) + 1e-5 * lr
}

/// Runs 200 steps on seeded gradients of mixed scales, beside Algorithm 1 in Double.
private func compareWithReference<Adam: AdamStepping>(
  _ adam: Adam.Type, settings: AdamSettings, seedOffset: UInt64
) throws {
  var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 100 &+ seedOffset)
  let count = 48
  let scales = (0..<count).map { _ in pow(10, uniform(-4...1, &random)) }
  var parameters = (0..<count).map { _ in Float(uniform(-2...2, &random)) }
  var optimizer = try Adam(parameterCount: count, settings: settings)
  var theta = parameters.map(Double.init)
  var m = [Double](repeating: 0, count: count)
  var v = [Double](repeating: 0, count: count)
  let (lr, beta1, beta2, epsilon) = (
    Double(settings.learningRate), Double(settings.beta1), Double(settings.beta2),
    Double(settings.epsilon)
  )
  for t in 1...200 {
    let gradients: [Float] = (0..<count).map { i in
      // Every seventh gradient is exactly zero: Adam still moves on its momentum.
      (t + i) % 7 == 0 ? 0 : Float(uniform(-1...1, &random) * scales[i])
    }
    try optimizer.step(&parameters, gradients: gradients)
    try requireCount(parameters, count, "parameters after step \(t)")
    var correction1 = 1.0
    var correction2 = 1.0
    if settings.biasCorrection {
      correction1 = 1 - pow(beta1, Double(t))
      correction2 = 1 - pow(beta2, Double(t))
    }
    for i in 0..<count {
      let g = Double(gradients[i])
      m[i] = beta1 * m[i] + (1 - beta1) * g
      v[i] = beta2 * v[i] + (1 - beta2) * g * g
      theta[i] -= lr * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + epsilon)
    }
    guard t % 50 == 0 else { continue }
    try requireCount(optimizer.m, count, "m after step \(t)")
    try requireCount(optimizer.v, count, "v after step \(t)")
    for i in 0..<count {
      try requireClose(
        Double(parameters[i]), theta[i], tolerance: 2e-6 + 2e-3 * lr * Double(t).squareRoot(),
        "θ[\(i)] after \(t) steps (gradient scale \(scales[i]))")
      try requireClose(
        Double(optimizer.m[i]), m[i], tolerance: 1e-5 * scales[i],
        "m[\(i)] after \(t) steps (gradient scale \(scales[i]))")
      try requireClose(
        Double(optimizer.v[i]), v[i], tolerance: 1e-5 * scales[i] * scales[i],
        "v[\(i)] after \(t) steps (gradient scale \(scales[i]))")
    }
  }
}

/// Fails, rather than indexing past the end, when a returned array has the wrong length.
func requireCount<T>(_ array: [T], _ count: Int, _ what: @autoclosure () -> String) throws {
  try require(
    array.count == count, "\(what()): expected \(count) values, got \(array.count)")
}
