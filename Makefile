# Thin wrappers around meson; all real build logic lives in meson.build.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
XVFB       = xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp"
HEADLESS   = GTK_A11Y=none GSETTINGS_BACKEND=memory

.PHONY: all deps build run check check-asan fuzz fuzz-deps fuzz-smoke bench pot clean

all: build

deps:
	@build-aux/install-deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

# Opens the window on a demo library kept inside the build folder, so trying
# the program never touches the user's own library.
run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  CHITIEU_DB=$(CURDIR)/$(BUILD)/demo-library.db $(BUILD)/app/chitieu --demo; \
	else \
	  echo "No display: opening the window under Xvfb"; \
	  $(HEADLESS) CHITIEU_DB=$(CURDIR)/$(BUILD)/demo-library.db $(XVFB) $(BUILD)/app/chitieu --demo; \
	fi

check: build
	@rm -f $(BUILD)/meson-logs/testlog.json
	-@$(HEADLESS) $(XVFB) meson test -C $(BUILD) --no-rebuild --print-errorlogs; true
	@python3 build-aux/test-summary.py $(BUILD)/meson-logs/testlog.json

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

check-asan: deps $(ASAN_BUILD)/build.ninja
	meson compile -C $(ASAN_BUILD)
	@rm -f $(ASAN_BUILD)/meson-logs/testlog.json
	-@$(HEADLESS) $(XVFB) meson test -C $(ASAN_BUILD) --no-rebuild --print-errorlogs \
	  --timeout-multiplier 4; true
	@python3 build-aux/test-summary.py $(ASAN_BUILD)/meson-logs/testlog.json
	@if command -v clang > /dev/null; then $(MAKE) --no-print-directory fuzz-smoke; \
	else echo "fuzz smoke run skipped: clang is not installed"; fi

# libFuzzer targets (tests/fuzz): only the core and the targets, built with
# clang under ASan and UBSan. `make fuzz` runs each for FUZZ_SECONDS from its
# seeds; what it finds is kept in $(FUZZ_BUILD)/fuzz/.
$(FUZZ_BUILD)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILD) -Dfuzzing=true -Db_sanitize=address,undefined \
	  -Db_lundef=false -Dbuildtype=debugoptimized -Dwerror=false

fuzz-deps:
	@build-aux/install-deps.sh fuzz

fuzz: fuzz-deps $(FUZZ_BUILD)/build.ninja
	FUZZ_SECONDS=$(FUZZ_SECONDS) meson compile -C $(FUZZ_BUILD) fuzz

# A few seconds of each target, part of check-asan.
fuzz-smoke: fuzz-deps $(FUZZ_BUILD)/build.ninja
	meson compile -C $(FUZZ_BUILD)
	meson test -C $(FUZZ_BUILD) --suite fuzz --print-errorlogs

# Under Xvfb too, so the window's benchmark (open time, frame times) runs,
# with the renderer the window chooses for itself (app/ct-renderer.c).
bench: build
	$(HEADLESS) $(XVFB) meson compile -C $(BUILD) bench

pot: build
	meson compile -C $(BUILD) chitieu-pot chitieu-update-po

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
