import Harness
import Quantization

/// Heap bytes a correct forward may take beyond two activation arrays: array headers, malloc's
/// rounding and Swift's own bookkeeping. The reference solution needs a few hundred bytes; one
/// dequantized row of the test model already takes 1 KiB, its smallest matrix 193 KiB.
let quantizedForwardHeapAllowance = 4096

/// Runs the student's forward on a model whose weight matrices dwarf its activations, with the
/// heap measured, and bounds the peak by what "Quantizing a whole network" needs: the input and
/// output of one layer at a time, in fp32, beside the int8 codes the model already holds.
func requireForwardHeap(_ runner: some QuantizedInference) throws {
  let sizes = [256, 192, 256, 10]
  let batch = 2
  var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 52)
  let model = try DenseMLP.seeded(sizes: sizes, seed: random.next())
  let quantized = try oracleQuantize(model)
  let input = (0..<batch * model.inputSize).map { _ in Float.random(in: -1...1, using: &random) }
  // A first call on other inputs is not judged: the Swift runtime allocates type metadata once
  // per process, in 16 KiB pages, on the first call that needs it.
  let warmUp = (0..<batch * model.inputSize).map { _ in Float.random(in: -1...1, using: &random) }
  _ = try runner.forward(quantized, input: warmUp, batch: batch)
  let (output, heap) = try HeapMeter.measure {
    try runner.forward(quantized, input: input, batch: batch)
  }
  try require(
    output.count == batch * model.outputSize,
    "forward(a \(sizes) model, batch \(batch)): expected \(batch * model.outputSize) outputs, "
      + "got \(output.count)")
  guard HeapMeter.isAvailable else { return }
  var widestPair = 0
  for layer in model.layers { widestPair = max(widestPair, layer.inputs + layer.outputs) }
  let activationBytes = batch * widestPair * MemoryLayout<Float>.size
  let extra = heap.peakBytes - activationBytes
  try require(
    extra <= quantizedForwardHeapAllowance,
    "forward(a \(sizes) model, batch \(batch)): the heap grew by \(heap.peakBytes) bytes at its "
      + "peak, \(extra) bytes more than one layer's input and output in fp32 (\(activationBytes)) "
      + "with \(quantizedForwardHeapAllowance) bytes of slack; weights stay int8 and each "
      + "output is scale × Σ q × x + bias, so no dequantized weight matrix (\(192 * 256 * 4) "
      + "bytes for the first layer) or copy of the model is needed")
}
