#!/usr/bin/env node
// The command npm links: it only loads the built CLI. It exists before any build, so that `npm ci` in a clone
// can link the command to it (npm skips a bin whose file is missing, and dist/ is built after linking).
import '../dist/main.js';
