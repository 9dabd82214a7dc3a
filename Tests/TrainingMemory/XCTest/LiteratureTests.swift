import HarnessXCTest
import TrainingMemory
import XCTest

/// The kit's figures against values typed from the literature and FACTS.md, with their sources.
final class LiteratureTests: XCTestCase {
  private func text(_ id: String) -> String { TrainingMemoryFigures.figure(id)?.text ?? "missing" }

  func testGPT3ParameterCountsFromTheArchitecture() throws {
    // FACTS.md section 3, computed from Brown et al. (2020), Table 2.1.
    let expected: [(String, Double)] = [
      ("gpt3-small", 125.1e6), ("gpt3-medium", 355.6e6), ("gpt3-large", 759.8e6),
      ("gpt3-xl", 1.315e9), ("gpt3-2.7b", 2.651e9), ("gpt3-6.7b", 6.657e9),
      ("gpt3-13b", 12.95e9), ("gpt3-175b", 174.59e9),
    ]
    for (name, count) in expected {
      let preset = try GPT3Preset.named(name)
      // FACTS rounds to four significant digits; 2.7B is 2.6505B, which FACTS rounds up.
      XCTAssertEqual(Double(preset.parameters), count, accuracy: count * 6e-4, name)
      // Within 3 % of the paper's stated size (the 13B row's d_model makes it 0.4 % low).
      XCTAssertEqual(
        Double(preset.parameters), preset.statedParameters,
        accuracy: preset.statedParameters * 0.03,
        name)
    }
    XCTAssertEqual(try GPT3Preset.named("GPT3-175B").parameters, 174_588_899_328)
    XCTAssertEqual(text("gpt3-175b-parameters"), "174.59B")
  }

  func testTheLecturesGPT3Overview() {
    // The lecture, section 3.5: 350 GB (fp16) / 700 GB (fp32) of weights, 3 × 175B × 4 B =
    // 2100 GB of Adam state, 3.2M × 12288 × 2 B = 78.64 GB per layer.
    assertFigureTexts(
      TrainingMemoryFigures.all,
      [
        "gpt3-175b-weights-fp16": "350 GB", "gpt3-175b-weights-fp32": "700 GB",
        "gpt3-175b-grad-moments-fp32": "2.1 TB", "gpt3-175b-layer-activation-fp16": "78.64 GB",
      ])
  }

  func testKorthikantiActivations() throws {
    // Korthikanti et al. 2022, eq. 2: s·b·h·(34 + 5·a·s/h) bytes per layer; with full
    // recomputation 2·s·b·h. For GPT-3 175B and one 2048-token sequence:
    let perLayer = try ActivationEstimate.korthikantiPerLayer(
      tokens: 2048, sequence: 2048, hidden: 12288, heads: 96)
    XCTAssertEqual(perLayer, 2048 * 12288 * 34 + 5 * 96 * 2048 * 2048)
    XCTAssertEqual(text("full-to-lecture-ratio"), "57")
    let shape = try ActivationEstimate.Shape(
      layers: 96, hidden: 12288, heads: 96, sequence: 2048, batch: 1)
    XCTAssertEqual(try ActivationEstimate.lecture(shape, type: .fp16), 96 * 2 * 2048 * 12288)
  }

  func testMixedPrecisionAndTheCorrected13B() {
    // ZeRO (Rajbhandari et al. 2019), section 3.1: 2 + 2 + 12 = 16 bytes per parameter.
    XCTAssertEqual(text("bytes-mixed-adam"), "16 B")
    // Hugging Face, "Model training anatomy": 6 + 4 + 8 = 18 bytes per parameter.
    XCTAssertEqual(text("bytes-hf-mixed-adam"), "18 B")
    // FACTS.md 7.1: 13e9 × 3 × 2 B = 78 GB; mixed-precision Adam 13e9 × 16 B = 208 GB.
    assertFigureTexts(
      TrainingMemoryFigures.all,
      [
        "flashcard-13b-states": "78 GB", "adam-13b-mixed": "208 GB",
        "flashcard-13b-weights": "26 GB",
      ])
  }

  func testZeROFigureOne() throws {
    // ZeRO, Figure 1: Ψ = 7.5B, N_d = 64, K = 12: 120 GB, 31.4 GB, 16.6 GB, 1.9 GB.
    let paper = [120.0, 31.4, 16.6, 1.9]
    let report = try (0...3).map { stage in
      try TrainingMemoryCalculator.estimate(
        CalculatorOptions(parameters: "7.5B", zeroStage: stage, gpus: 64))
    }
    for (stage, gigabytes) in paper.enumerated() {
      XCTAssertEqual(Double(report[stage].breakdown.total) / 1e9, gigabytes, accuracy: 0.05)
    }
  }

  func testAdamsBiasCorrectionFigures() {
    // Kingma & Ba (2015), β₁ = 0.9, β₂ = 0.999: 1/(1 − β₁) = 10, 1/(1 − β₂) = 1000 at t = 1.
    assertFigureTexts(
      TrainingMemoryFigures.all,
      [
        "adam-m-correction-step1": "10", "adam-v-correction-step1": "1000",
        "adam-uncorrected-first-step": "3.16",
      ])
  }
}
