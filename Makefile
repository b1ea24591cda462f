# Thin wrappers around meson; all real build logic lives in meson.build.
BUILD      ?= build
ASAN_BUILD ?= build-asan
XVFB       = xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp"
HEADLESS   = GTK_A11Y=none GSETTINGS_BACKEND=memory

.PHONY: all deps build run check check-asan bench pot clean

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

# Under Xvfb too, so the window's benchmark (open time, frame times) runs.
bench: build
	$(HEADLESS) GSK_RENDERER=cairo $(XVFB) meson compile -C $(BUILD) bench

pot: build
	meson compile -C $(BUILD) chitieu-pot chitieu-update-po

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
