#if canImport(QuantizationSolutions)
  import Harness
  import HarnessXCTest
  import Quantization
  import QuantizationGraders
  import QuantizationSolutions
  import XCTest

  /// The heap check of QuantizedInference catches a forward that dequantizes its weights, and
  /// reports what the reference solution takes.
  final class QuantizedInferenceHeapTests: XCTestCase {
    private func heapCheck(_ runner: some QuantizedInference & Sendable) -> CheckResult? {
      var edition = solutions
      edition.inference = runner
      let exercise = QuantizationGraders.exercises(edition).first {
        $0.name == "QuantizedInference"
      }
      return exercise?.run().first { $0.check.contains("never a dequantized weight matrix") }
    }

    func testTheReferenceForwardPasses() throws {
      try XCTSkipUnless(HeapMeter.isAvailable)
      let result = heapCheck(QuantizedMLPRunner())
      XCTAssertEqual(result?.passed, true, result?.message ?? "no heap check")
      let model = try DenseMLP.seeded(sizes: [256, 192, 256, 10], seed: 1)
      let quantized = try QuantizedMLPRunner().quantize(model)
      let input = [Float](repeating: 0.25, count: 2 * 256)
      let (_, heap) = try HeapMeter.measure {
        try QuantizedMLPRunner().forward(quantized, input: input, batch: 2)
      }
      print(
        "QuantizedInference 256-192-256-10, batch 2: heap peak \(heap.peakBytes) B "
          + "(activations of the widest layer pair \(2 * 448 * 4) B), \(heap.allocations) blocks")
    }

    func testDequantizingEveryMatrixFails() throws {
      try XCTSkipUnless(HeapMeter.isAvailable)
      let result = heapCheck(DequantizingRunner())
      XCTAssertEqual(result?.passed, false, "a forward through dequantized matrices passes")
      XCTAssertTrue(
        result?.message.contains("dequantized weight matrix") ?? false, result?.message ?? "")
    }
  }

  /// Turns every layer back into fp32 weights first, then runs a plain forward: the memory the
  /// exercise exists to avoid.
  private struct DequantizingRunner: QuantizedInference {
    let base = QuantizedMLPRunner()
    func quantize(_ model: DenseMLP) throws -> QuantizedMLP { try base.quantize(model) }
    func report(_ model: DenseMLP, input: [Float], batch: Int) throws -> QuantizedInferenceReport {
      try base.report(model, input: input, batch: batch)
    }
    func forward(_ model: QuantizedMLP, input: [Float], batch: Int) throws -> [Float] {
      let layers = try model.layers.map { layer in
        let weights = (0..<layer.outputs * layer.inputs).map { index in
          Float(layer.weights.q[index]) * layer.weights.scales[index / layer.inputs]
        }
        return try DenseLayer(
          inputs: layer.inputs, outputs: layer.outputs, weights: weights, bias: layer.bias)
      }
      return try DenseMLP(layers: layers).forward(input, batch: batch)
    }
  }
#endif
