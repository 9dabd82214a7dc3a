# `make` sets everything up and opens the course dashboard; `make test` runs the whole suite.
SWIFT ?= swift
WORKBOOK = .build/debug/workbook

.PHONY: all setup build release test lint clean

all: build
	@$(WORKBOOK)

setup:
	@sh scripts/setup.sh

# Only the workbook command: the topics' runners (<Topic>Check) are built by the first
# `workbook check` of each topic (a second or two each), and the solutions, the lesson fuzzer
# and the benchmark executables are the maintainers' (`make test` and `swift test` build all).
build: setup
	$(SWIFT) build --product workbook

# The command on its own, to copy to a machine without Swift (an instructor's laptop, a lab
# image): optimised, with the Swift runtime and Foundation linked in, so it also starts in half
# the time. The file is .build/release/workbook.
release: setup
	$(SWIFT) build -c release --static-swift-stdlib --product workbook

test:
	@sh scripts/test.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Exercises Solutions Fuzz Package.swift Benchmarks/Package.swift Benchmarks/Benchmarks Benchmarks/Sources

clean:
	rm -rf .build
