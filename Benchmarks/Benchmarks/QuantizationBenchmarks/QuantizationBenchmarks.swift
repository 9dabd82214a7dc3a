import Benchmark
import Foundation
@_spi(Reference) import Quantization
import QuantizationSolutions

/// Symmetric int8 quantization of 64 M floats (256 MB in, 64 MB out) against a plain copy of
/// the same 256 MB, and the int8 matrix product against the Float product with the same loop
/// order. numpy's figure comes from scripts/bench-numpy.py, run beside these. The quantizer
/// timed is the kit's vectorised kernel (Sources/Quantization/Reference/SymmetricInt8Kernel),
/// whose codes are bit for bit the definition's; Solutions/ keeps the readable edition.
let count = 64 * 1024 * 1024
let values: UnsafeMutableBufferPointer<Float> = {
  let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
  var state: UInt32 = 12345
  for index in 0..<count {
    state = state &* 1_664_525 &+ 1_013_904_223
    buffer[index] = Float(Int32(bitPattern: state) >> 8) / 65536
  }
  return buffer
}()
let codes = UnsafeMutableBufferPointer<Int8>.allocate(capacity: count)
let copy = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)

let side = 256
let a8 = (0..<side * side).map { Int8(truncatingIfNeeded: $0 &* 31) }
let b8 = (0..<side * side).map { Int8(truncatingIfNeeded: $0 &* 17) }
let a32 = a8.map(Float.init)
let b32 = b8.map(Float.init)

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5),
    maxIterations: 40)

  Benchmark("memcpy of 64 M floats (256 MB)") { benchmark in
    for _ in benchmark.scaledIterations {
      memcpy(copy.baseAddress!, values.baseAddress!, count * MemoryLayout<Float>.size)
      blackHole(copy[count / 2])
    }
  }
  Benchmark("symmetric int8 quantization of 64 M floats (calibrate + quantize)") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try SymmetricInt8Kernel.quantize(UnsafeBufferPointer(values), into: codes))
    }
  }
  Benchmark("int8 matmul 256³, Int32 accumulation") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try Int8MatrixMultiplier().multiply(a8, b8, m: side, k: side, n: side))
    }
  }
  Benchmark("Float matmul 256³, same loop order") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try Int8MatrixMultiplier().multiplyFloats(a32, b32, m: side, k: side, n: side))
    }
  }
}
