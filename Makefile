# `make run` and `make test` are all a newcomer needs; both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
STAMP := $(VENV)/.installed-stamp
AXE := tests/browser/node_modules/axe-core/axe.min.js

export FLASK_APP := careerexpo

.PHONY: run serve test lint install db bench messages clean

# The Chinese catalogues, compiled for the app to read whenever their text changes.
CATALOGUES := $(wildcard careerexpo/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP) $(COMPILED)

%.mo: %.po | $(STAMP)
	$(BIN)/pybabel -q compile -i $< -o $@

# Development server on the embedded SQLite database, with the demo expo on first run.
run: export CAREEREXPO_ENV ?= development
run: $(STAMP) $(COMPILED)
	$(BIN)/flask db upgrade
	$(BIN)/flask seed-demo --if-empty
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

# The production server (docs/deploy.md): gunicorn, one gevent worker, on 127.0.0.1:$(PORT)
# against DATABASE_URL and REDIS_URL, after bringing the database to the current schema.
serve: export CAREEREXPO_ENV ?= production
serve: $(STAMP) $(COMPILED)
	$(BIN)/flask db upgrade
	PORT=$(PORT) $(BIN)/gunicorn -c deploy/gunicorn.conf.py "careerexpo:create_app()"

test: $(STAMP) $(COMPILED) $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# axe-core, the accessibility checker the browser tests load into each page, from npm at
# the version package-lock.json pins. Without npm the accessibility tests say why they skip.
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/browser --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the axe-core accessibility checks will be skipped"; fi

lint: $(STAMP)
	$(BIN)/ruff check careerexpo tests $(wildcard bench)

bench: $(STAMP)
	$(BIN)/python bench/search.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/stats.py
	$(BIN)/python bench/recommendations.py
	$(BIN)/python bench/chat.py
	$(BIN)/python bench/chat_serving.py

# Extract every gettext string into careerexpo/translations/messages.pot and carry new
# and changed ones into each language's catalogue, for translators.
messages: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k _l --project=CareerExpo --version=1.0 \
		--copyright-holder="CareerExpo contributors" -o careerexpo/translations/messages.pot .
	$(BIN)/pybabel -q update -i careerexpo/translations/messages.pot -d careerexpo/translations

clean:
	rm -rf $(VENV) instance .pytest_cache
