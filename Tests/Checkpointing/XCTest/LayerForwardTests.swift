import Checkpointing
import Foundation
import Harness
import XCTest

/// The layer forward computes its sums in blocks for speed; every output must still be, bit for
/// bit, `activation(bias + w₀x₀ + w₁x₁ + …)` added in that order, since graders compare gradients
/// exactly between schedules and the recorded answers are replayed exactly.
final class LayerForwardTests: XCTestCase {
  func testBlockedForwardEqualsTheNaiveSumBitForBit() throws {
    var random = SeededGenerator(seed: 64)
    for rows in 1...5 {
      for (inputs, outputs) in [(1, 1), (2, 3), (3, 4), (5, 7), (64, 64), (7, 9), (4, 1)] {
        for activation in [Activation.tanh, .identity] {
          let layer = try Layer(
            inputWidth: inputs, outputWidth: outputs, activation: activation,
            weights: (0..<inputs * outputs).map { _ in Double.random(in: -2...2, using: &random) },
            bias: (0..<outputs).map { _ in Double.random(in: -1...1, using: &random) })
          let input = try Tensor(
            rows: rows, columns: inputs,
            values: (0..<rows * inputs).map { _ in Double.random(in: -3...3, using: &random) })
          let chain = try Chain(layers: [layer], loss: .meanSquaredError)
          let store = ActivationStore(recordingTimeline: false)
          try store.storeInput(input)
          try chain.forward(layer: 0, in: store)
          let got = try store.load(1)
          let expected = naiveForward(layer, input)
          XCTAssertEqual(got.rows, rows)
          XCTAssertEqual(got.columns, outputs)
          XCTAssertEqual(
            got.values.map(\.bitPattern), expected.map(\.bitPattern),
            "\(rows) rows, \(inputs) → \(outputs), \(activation)")
        }
      }
    }
  }

  /// One output at a time, in the order of the definition.
  private func naiveForward(_ layer: Layer, _ input: Tensor) -> [Double] {
    var output: [Double] = []
    for row in 0..<input.rows {
      for feature in 0..<layer.outputWidth {
        var sum = layer.bias[feature]
        for index in 0..<layer.inputWidth {
          sum +=
            layer.weights[feature * layer.inputWidth + index]
            * input.values[row * layer.inputWidth + index]
        }
        output.append(layer.activation == .tanh ? tanh(sum) : sum)
      }
    }
    return output
  }
}
