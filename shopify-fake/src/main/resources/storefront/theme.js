// The fake shop's theme script: what a theme does with its product form, sending it to Shopify's Ajax cart
// (/cart/add.js) and saying what happened. Our Subscription options block has put the chosen selling_plan in the form.
for (const form of document.querySelectorAll('[data-product-form]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const status = form.querySelector('[data-cart-status]')
    const res = await fetch(form.action.replace(/\/cart\/add$/, '/cart/add.js'), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)),
    })
    const body = await res.json()
    status.textContent = res.ok
      ? `Added to cart: ${body.title}${body.selling_plan_allocation ? `, ${body.selling_plan_allocation.selling_plan.name}` : ''}`
      : body.description
  })
}
