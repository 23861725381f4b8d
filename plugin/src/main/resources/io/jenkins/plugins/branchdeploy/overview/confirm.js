// A form with class "branch-deploy-confirm" asks first, in Jenkins' own dialog, with the form's
// data-confirm-title, data-confirm-message and data-confirm-ok (the button's words).
Behaviour.specify("form.branch-deploy-confirm", "branch-deploy-confirm", 0, function (form) {
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    dialog
      .confirm(form.dataset.confirmTitle, {
        message: form.dataset.confirmMessage,
        okText: form.dataset.confirmOk,
        type: "destructive",
      })
      .then(
        function () {
          form.submit();
        },
        function () {},
      );
  });
});
