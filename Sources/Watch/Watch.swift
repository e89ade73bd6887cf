// Watch: see the helper.
